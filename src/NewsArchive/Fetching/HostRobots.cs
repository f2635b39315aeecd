namespace NewsArchive.Fetching;

/// <summary>The robots.txt verdict cached for one origin.</summary>
/// <param name="UnavailableReason">Set when the file could not be read and everything is refused for this run.</param>
/// <param name="UnavailableOutcome">How fetches refused for that reason end: unreachable host or unreadable robots.txt.</param>
internal sealed record HostRobots(RobotsRules Rules, string? UnavailableReason, FetchOutcome UnavailableOutcome = FetchOutcome.Blocked);

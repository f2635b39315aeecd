namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>One generated robots.txt group: its User-agent values and its Allow (true) / Disallow (false) lines in order.</summary>
internal sealed record RobotsGroupSpec(IReadOnlyList<string> Agents, IReadOnlyList<(bool Allow, string Pattern)> Rules);

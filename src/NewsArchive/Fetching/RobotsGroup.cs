namespace NewsArchive.Fetching;

/// <summary>A robots.txt group while it is being parsed: its user-agent tokens and the lines under them.</summary>
internal sealed class RobotsGroup
{
    public List<string> Agents { get; } = [];

    public List<RobotsRule> Rules { get; } = [];

    public TimeSpan? CrawlDelay { get; set; }
}

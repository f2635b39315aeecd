namespace NewsArchive.Crawling;

/// <summary>How much a crawl log line matters: Info goes to the log file, Warning also to stderr.</summary>
public enum CrawlLogLevel
{
    Info,
    Warning,
}

namespace NewsArchive.Cli;

/// <summary>A mistake in the command line: one line on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

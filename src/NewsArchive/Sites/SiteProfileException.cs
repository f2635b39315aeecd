namespace NewsArchive.Sites;

/// <summary>A profile that cannot be used: invalid JSON, an unknown field, a selector that does not parse. One line.</summary>
public sealed class SiteProfileException(string message) : Exception(message);

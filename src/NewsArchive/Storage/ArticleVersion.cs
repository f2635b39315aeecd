namespace NewsArchive.Storage;

/// <summary>
/// One version of an article's text: first seen at <see cref="SeenFrom"/>, replaced by the next at
/// <see cref="SeenUntil"/> (null for the current one).
/// </summary>
public sealed record ArticleVersion(int Number, DateTimeOffset SeenFrom, DateTimeOffset? SeenUntil, string? Title, string? Lead, string Body);

namespace NewsArchive.Storage;

/// <summary>Why two stored articles are one story told twice.</summary>
public enum DuplicateMatch
{
    /// <summary>Both pages name the same canonical URL (an alias, or a copy whose canonical link points to the original).</summary>
    CanonicalUrl,
    /// <summary>The same body text, word for word, under another URL.</summary>
    SameText,
    /// <summary>Nearly the same body text: SimHashes a few bits apart (a repost with its own title or last sentence).</summary>
    NearText,
}

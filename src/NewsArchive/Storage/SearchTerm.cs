namespace NewsArchive.Storage;

/// <summary>A stemmed word of a search query; a prefix term matches every stem that starts with it.</summary>
public readonly record struct SearchTerm(string Stem, bool IsPrefix)
{
    public bool Matches(string stem) => IsPrefix ? stem.StartsWith(Stem, StringComparison.Ordinal) : stem == Stem;
}

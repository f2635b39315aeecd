namespace NewsArchive.Storage;

/// <summary>One lexical piece of a search query: an operator, a parenthesis, or a run of words (a phrase if several).</summary>
internal sealed record SearchToken(SearchTokenKind Kind, string Text, IReadOnlyList<string> Words, bool IsPrefix);

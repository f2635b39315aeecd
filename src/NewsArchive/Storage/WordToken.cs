namespace NewsArchive.Storage;

/// <summary>One word of a text: where it is in the original string, so snippets can quote the original.</summary>
public readonly record struct WordToken(int Start, int Length);

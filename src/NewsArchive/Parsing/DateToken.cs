namespace NewsArchive.Parsing;

/// <summary>
/// One token of a date string. <see cref="Value"/> holds a number's value (-1 when it has more
/// than nine digits) or a symbol's character; words are read back from the normalised text.
/// </summary>
internal readonly record struct DateToken(DateTokenKind Kind, int Start, int Length, int Value, bool SpaceBefore)
{
    public bool IsNumber => Kind == DateTokenKind.Number;

    public bool IsWord => Kind == DateTokenKind.Word;

    public bool IsSymbol(char c) => Kind == DateTokenKind.Symbol && Value == c;
}

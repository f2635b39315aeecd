namespace NewsArchive.Parsing;

internal enum DateTokenKind : byte
{
    Number,
    Word,
    Symbol,
}

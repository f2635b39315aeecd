namespace NewsArchive.Parsing;

/// <summary>A unit of "N units ago"; day-based units give a date, not an instant.</summary>
internal readonly record struct DateRelativeUnit(TimeSpan Span, bool IsDayBased);

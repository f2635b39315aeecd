namespace NewsArchive.Parsing;

/// <summary>A time of day read from text, with the zone offset when the text gave one.</summary>
internal readonly record struct DateClock(int Hour, int Minute, int Second, int FractionTicks, TimeSpan? Offset);

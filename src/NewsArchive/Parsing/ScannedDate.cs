namespace NewsArchive.Parsing;

/// <summary>
/// A date read from text. Weak dates had their year or day inferred from now ("11 марта",
/// "вчера", "2 часа назад"): right on a fresh page, wrong on an archived one.
/// </summary>
internal readonly record struct ScannedDate(DateTimeOffset Value, bool IsWeak);

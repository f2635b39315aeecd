namespace NewsArchive.Parsing;

/// <summary>
/// Finds the first date in tokenised text. Every matcher looks a bounded number of tokens ahead
/// of its start, so a scan is linear in the input whatever the input holds.
/// </summary>
internal sealed class DateScanner
{
    private const int MaxConnectors = 3;

    private readonly string _text;
    private readonly List<DateToken> _tokens;
    private readonly DateTimeOffset _now;
    private readonly DateTime _localNow;
    private readonly TimeZoneInfo _zone;
    private readonly int _wordCount;

    // Set by matchers that infer the year or the day from now; reset before each start position.
    private bool _weak;

    public DateScanner(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        _text = DateTokenizer.Normalize(text);
        _tokens = DateTokenizer.Tokenize(_text);
        _now = now;
        _zone = zone;
        _localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        foreach (var token in _tokens)
        {
            if (token.IsWord)
            {
                _wordCount++;
            }
        }
    }

    public ScannedDate? FindFirst()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            _weak = false;
            var found = MatchAt(i);
            if (found is not null)
            {
                return new ScannedDate(found.Value, _weak);
            }
        }

        return null;
    }

    private DateTimeOffset? MatchAt(int i)
    {
        var token = _tokens[i];
        if (token.IsNumber)
        {
            if (TryTime(i, isoContext: false, out var clock, out var afterTime))
            {
                // A time first, then its date: "12:30, 11 марта 2026".
                return MatchDate(SkipConnectors(afterTime), clock);
            }

            return MatchDate(i, preset: null) ?? MatchNumberAgo(i);
        }

        if (token.IsWord)
        {
            return MatchDate(i, preset: null) ?? MatchWordAgo(i);
        }

        return null;
    }

    private DateTimeOffset? MatchDate(int i, DateClock? preset)
    {
        if (i >= _tokens.Count)
        {
            return null;
        }

        if (_tokens[i].IsNumber)
        {
            return MatchYearFirst(i, preset) ?? MatchNumericDayFirst(i, preset) ?? MatchDayMonthName(i, preset);
        }

        if (_tokens[i].IsWord)
        {
            return MatchMonthNameDay(i, preset) ?? MatchRelativeDay(i, preset);
        }

        return null;
    }

    // 2026-03-11, 2026-03-11T12:30:00+03:00, 2026/03/11 12:30
    private DateTimeOffset? MatchYearFirst(int i, DateClock? preset)
    {
        if (Digits(i) != 4 || !IsNumericSeparator(i + 1, out var separator) || !Adjacent(i + 1)
            || !IsNumber(i + 2, 1, 2) || !Adjacent(i + 2)
            || !IsSymbol(i + 3, separator) || !Adjacent(i + 3)
            || !IsNumber(i + 4, 1, 2) || !Adjacent(i + 4)
            || ContinuesRun(i + 5, separator))
        {
            return null;
        }

        var k = i + 5;
        var clock = preset;
        if (clock is null)
        {
            if (IsWord(k, "t") && Adjacent(k) && TryTime(k + 1, isoContext: true, out var isoClock, out _))
            {
                clock = isoClock;
            }
            else
            {
                clock = TrailingClock(k, isoContext: true);
            }
        }

        return Finish(Value(i), Value(i + 2), Value(i + 4), clock, yearKnown: true);
    }

    // 11.03.2026, 11/03/2026, 11-03-26 12:30
    private DateTimeOffset? MatchNumericDayFirst(int i, DateClock? preset)
    {
        if (!IsNumber(i, 1, 2) || !IsNumericSeparator(i + 1, out var separator) || !Adjacent(i + 1)
            || !IsNumber(i + 2, 1, 2) || !Adjacent(i + 2)
            || !IsSymbol(i + 3, separator) || !Adjacent(i + 3)
            || !Adjacent(i + 4) || (Digits(i + 4) != 2 && Digits(i + 4) != 4)
            || ContinuesRun(i + 5, separator) || ContinuesRunBackwards(i))
        {
            return null;
        }

        var day = Value(i);
        var month = Value(i + 2);
        if (month > 12 && day <= 12)
        {
            (day, month) = (month, day);
        }

        var year = Value(i + 4);
        if (Digits(i + 4) == 2)
        {
            year += year < 70 ? 2000 : 1900;
        }

        return Finish(year, month, day, preset ?? TrailingClock(i + 5, isoContext: false), yearKnown: true);
    }

    // 11 марта 2026 г., 11. März 2026, 11 Mar 2026 12:30:00 +0300, 11 марта в 12:30, 11th March, 11-Mar-2026
    private DateTimeOffset? MatchDayMonthName(int i, DateClock? preset)
    {
        if (!IsNumber(i, 1, 2))
        {
            return null;
        }

        var k = i + 1;
        if ((IsSymbol(k, '.') && Adjacent(k)) || (IsWordIn(k, DateWords.OrdinalSuffixes) && Adjacent(k)))
        {
            k++;
        }
        else if (IsSymbol(k, '-') && Adjacent(k) && IsWord(k + 1, "го"))
        {
            k += 2;
        }
        else if ((IsSymbol(k, '-') || IsSymbol(k, '/')) && Adjacent(k) && Adjacent(k + 1))
        {
            k++;
        }

        if (IsWord(k, "de"))
        {
            k++;
        }

        if (!TryMonth(k, out var month))
        {
            return null;
        }

        k++;
        if (IsSymbol(k, '.') && Adjacent(k))
        {
            k++;
        }

        if (IsWord(k, "de") || IsSymbol(k, ',') || ((IsSymbol(k, '-') || IsSymbol(k, '/')) && Adjacent(k) && Adjacent(k + 1)))
        {
            k++;
        }

        if (Digits(k) == 4)
        {
            var year = Value(k);
            k = SkipYearSuffix(k + 1);
            return Finish(year, month, Value(i), preset ?? TrailingClock(k, isoContext: false), yearKnown: true);
        }

        return Finish(0, month, Value(i), preset ?? TrailingClock(k, isoContext: false), yearKnown: false);
    }

    // March 11, 2026; Mar. 11th 2026 at 12:30 pm
    private DateTimeOffset? MatchMonthNameDay(int i, DateClock? preset)
    {
        if (!TryMonth(i, out var month) || _tokens[i].Length < 3)
        {
            return null;
        }

        var k = i + 1;
        if (IsSymbol(k, '.') && Adjacent(k))
        {
            k++;
        }

        if (!IsNumber(k, 1, 2))
        {
            return null;
        }

        var day = Value(k);
        k++;
        if (IsWordIn(k, DateWords.OrdinalSuffixes) && Adjacent(k))
        {
            k++;
        }

        if (IsSymbol(k, ','))
        {
            k++;
        }

        if (Digits(k) != 4)
        {
            return null;
        }

        var year = Value(k);
        return Finish(year, month, day, preset ?? TrailingClock(k + 1, isoContext: false), yearKnown: true);
    }

    // сегодня, 12:30; вчера в 18:05; позавчера; Heute, 12:30
    private DateTimeOffset? MatchRelativeDay(int i, DateClock? preset)
    {
        var word = WordSpan(i);
        if (!DateWords.RelativeDays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var daysBack))
        {
            return null;
        }

        var clock = preset ?? TrailingClock(i + 1, isoContext: false);
        if (clock is null && _wordCount > 1
            && DateWords.ProseRelativeDays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return null;
        }

        var date = _localNow.Date.AddDays(-daysBack);
        _weak = true;
        return Finish(date.Year, date.Month, date.Day, clock, yearKnown: true);
    }

    // 2 часа назад, 5 минут назад, 3 дня назад, 2 hours ago, 2 години тому
    private DateTimeOffset? MatchNumberAgo(int i)
    {
        if (!IsNumber(i, 1, 4))
        {
            return null;
        }

        return MatchUnitAgo(i + 1, Value(i));
    }

    // час назад, неделю назад, an hour ago, vor 2 Stunden, vor einer Stunde
    private DateTimeOffset? MatchWordAgo(int i)
    {
        if (IsWord(i, DateWords.GermanAgo))
        {
            int count;
            if (IsNumber(i + 1, 1, 4))
            {
                count = Value(i + 1);
            }
            else if (!DateWords.NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(WordSpan(i + 1), out count))
            {
                return null;
            }

            return TryUnit(i + 2, out var germanUnit) ? Ago(count, germanUnit) : null;
        }

        if (DateWords.NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(WordSpan(i), out var spelled))
        {
            return MatchUnitAgo(i + 1, spelled);
        }

        return MatchUnitAgo(i, 1);
    }

    private DateTimeOffset? MatchUnitAgo(int k, int count)
    {
        if (!TryUnit(k, out var unit))
        {
            return null;
        }

        k++;
        if (IsSymbol(k, '.') && Adjacent(k))
        {
            k++;
        }

        return IsWordIn(k, DateWords.AgoWords) ? Ago(count, unit) : null;
    }

    private DateTimeOffset? Ago(int count, DateRelativeUnit unit)
    {
        _weak = true;
        if (unit.IsDayBased)
        {
            var date = _localNow.Date.AddDays(-count * unit.Span.TotalDays);
            return date.Year < 1995 ? null : Finish(date.Year, date.Month, date.Day, null, yearKnown: true);
        }

        var instant = _now - count * unit.Span;
        return instant.Year < 1995 ? null : TimeZoneInfo.ConvertTime(instant, _zone);
    }

    private DateClock? TrailingClock(int k, bool isoContext)
    {
        return TryTime(SkipConnectors(k), isoContext, out var clock, out _) ? clock : null;
    }

    // 12:30, 12:30:15.123, 12.30 Uhr, 6:05 pm, 12:30 MSK, 12:30:00+03:00
    private bool TryTime(int j, bool isoContext, out DateClock clock, out int end)
    {
        clock = default;
        end = j;
        if (!IsNumber(j, 1, 2) || Value(j) > 23)
        {
            return false;
        }

        var hour = Value(j);
        int minute;
        var second = 0;
        var fraction = 0;
        int k;
        if (IsSymbol(j + 1, ':') && Adjacent(j + 1) && Digits(j + 2) == 2 && Adjacent(j + 2) && Value(j + 2) <= 59)
        {
            minute = Value(j + 2);
            k = j + 3;
            if (IsSymbol(k, ':') && Adjacent(k) && Digits(k + 1) == 2 && Adjacent(k + 1) && Value(k + 1) <= 60)
            {
                second = Math.Min(Value(k + 1), 59);
                k += 2;
                if ((IsSymbol(k, '.') || IsSymbol(k, ',')) && Adjacent(k) && IsNumber(k + 1, 1, int.MaxValue) && Adjacent(k + 1))
                {
                    fraction = FractionTicks(k + 1);
                    k += 2;
                }
            }
        }
        else if (IsSymbol(j + 1, '.') && Adjacent(j + 1) && Digits(j + 2) == 2 && Adjacent(j + 2) && Value(j + 2) <= 59
            && IsWord(j + 3, "uhr"))
        {
            minute = Value(j + 2);
            k = j + 3;
        }
        else
        {
            return false;
        }

        if (IsWord(k, "am") || IsWord(k, "pm"))
        {
            if (!ApplyMeridiem(ref hour, IsWord(k, "pm")))
            {
                return false;
            }

            k++;
        }
        else if ((IsWord(k, "a") || IsWord(k, "p")) && IsSymbol(k + 1, '.') && IsWord(k + 2, "m"))
        {
            if (!ApplyMeridiem(ref hour, IsWord(k, "p")))
            {
                return false;
            }

            k += IsSymbol(k + 3, '.') ? 4 : 3;
        }

        if (IsWordIn(k, DateWords.TimeSuffixes))
        {
            k += IsSymbol(k + 1, '.') && Adjacent(k + 1) ? 2 : 1;
        }

        TimeSpan? offset = null;
        if (TryZone(k, isoContext, out var zoneOffset, out var afterZone))
        {
            offset = zoneOffset;
            k = afterZone;
        }

        clock = new DateClock(hour, minute, second, fraction, offset);
        end = k;
        return true;
    }

    private static bool ApplyMeridiem(ref int hour, bool pm)
    {
        if (hour is < 1 or > 12)
        {
            return false;
        }

        hour = (hour % 12) + (pm ? 12 : 0);
        return true;
    }

    private int FractionTicks(int k)
    {
        var token = _tokens[k];
        var ticks = 0;
        for (var d = 0; d < 7; d++)
        {
            ticks *= 10;
            if (d < token.Length)
            {
                ticks += _text[token.Start + d] - '0';
            }
        }

        return ticks;
    }

    // Z, +03:00, +0300, -05, GMT, MSK, (мск), UTC+3
    private bool TryZone(int k, bool isoContext, out TimeSpan offset, out int end)
    {
        offset = TimeSpan.Zero;
        end = k;
        if (IsWord(k, "z"))
        {
            if (!Adjacent(k))
            {
                return false;
            }

            end = k + 1;
            return true;
        }

        if (TrySignedOffset(k, isoContext, out offset, out end))
        {
            return true;
        }

        var parenthesised = IsSymbol(k, '(') && IsWord(k + 1) && IsSymbol(k + 2, ')');
        var word = parenthesised ? k + 1 : k;
        if (!IsWord(word) || !DateWords.Zones.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(WordSpan(word), out var named))
        {
            return false;
        }

        offset = named;
        end = parenthesised ? k + 3 : k + 1;
        if (!parenthesised && Adjacent(end) && TrySignedOffset(end, isoContext: true, out var shift, out var afterShift))
        {
            offset += shift;
            end = afterShift;
        }

        return offset.Duration() <= TimeSpan.FromHours(14);
    }

    // A bare "-12:00" after a time is more often a range ("10:00-12:00") than a zone, so only
    // ISO contexts take the two-digit forms; RFC 822's "+0300" is unambiguous anywhere.
    private bool TrySignedOffset(int k, bool isoContext, out TimeSpan offset, out int end)
    {
        offset = TimeSpan.Zero;
        end = k;
        int sign;
        if (IsSymbol(k, '+'))
        {
            sign = 1;
        }
        else if (IsSymbol(k, '-') || IsSymbol(k, '\u2212'))
        {
            sign = -1;
        }
        else
        {
            return false;
        }

        if (!Adjacent(k + 1))
        {
            return false;
        }

        int hours;
        var minutes = 0;
        if (Digits(k + 1) == 4)
        {
            hours = Value(k + 1) / 100;
            minutes = Value(k + 1) % 100;
            end = k + 2;
        }
        else if (isoContext && Adjacent(k) && IsNumber(k + 1, 1, 2))
        {
            hours = Value(k + 1);
            end = k + 2;
            if (IsSymbol(end, ':') && Adjacent(end) && Digits(end + 1) == 2 && Adjacent(end + 1))
            {
                minutes = Value(end + 1);
                end += 2;
            }
        }
        else
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }

    private DateTimeOffset? Finish(int year, int month, int day, DateClock? clock, bool yearKnown)
    {
        if (yearKnown)
        {
            return Accept(Build(year, month, day, clock));
        }

        var inferred = Accept(Build(_localNow.Year, month, day, clock)) ?? Accept(Build(_localNow.Year - 1, month, day, clock));
        _weak |= inferred is not null;
        return inferred;
    }

    private DateTimeOffset? Build(int year, int month, int day, DateClock? clock)
    {
        // Years far ahead are rejected before construction so an offset cannot overflow.
        if (year < 1995 || year > _localNow.Year + 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var local = new DateTime(year, month, day, clock?.Hour ?? 0, clock?.Minute ?? 0, clock?.Second ?? 0, DateTimeKind.Unspecified)
            .AddTicks(clock?.FractionTicks ?? 0);
        var offset = clock?.Offset ?? _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private DateTimeOffset? Accept(DateTimeOffset? candidate)
    {
        return candidate is { } value && value.Year >= 1995 && value <= _now.AddDays(1) ? value : null;
    }

    private int SkipConnectors(int k)
    {
        for (var n = 0; n < MaxConnectors && k < _tokens.Count; n++)
        {
            var token = _tokens[k];
            var connector = token.Kind == DateTokenKind.Symbol
                ? token.Value is ',' or ';' or '|' or '·' or '•' or '-' or '–' or '—' or '/' or '@' or '('
                : token.IsWord && DateWords.TimeConnectors.GetAlternateLookup<ReadOnlySpan<char>>().Contains(WordSpan(k));
            if (!connector)
            {
                break;
            }

            k++;
        }

        return k;
    }

    private int SkipYearSuffix(int k)
    {
        if (IsWordIn(k, DateWords.YearSuffixes))
        {
            k++;
            if (IsSymbol(k, '.') && Adjacent(k))
            {
                k++;
            }
        }

        return k;
    }

    private bool TryMonth(int k, out int month)
    {
        month = 0;
        return IsWord(k) && DateWords.Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(WordSpan(k), out month);
    }

    private bool TryUnit(int k, out DateRelativeUnit unit)
    {
        unit = default;
        return IsWord(k) && DateWords.RelativeUnits.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(WordSpan(k), out unit);
    }

    // "1.10.11.12" is a version or a chapter number, not a date.
    private bool ContinuesRun(int k, char separator) =>
        IsSymbol(k, separator) && Adjacent(k) && IsNumber(k + 1, 1, int.MaxValue) && Adjacent(k + 1);

    private bool ContinuesRunBackwards(int i) =>
        i >= 2 && Adjacent(i) && IsNumericSeparator(i - 1, out _) && Adjacent(i - 1) && _tokens[i - 2].IsNumber;

    private bool IsNumericSeparator(int k, out char separator)
    {
        separator = '\0';
        if (k < _tokens.Count && _tokens[k].Kind == DateTokenKind.Symbol && _tokens[k].Value is '.' or '/' or '-')
        {
            separator = (char)_tokens[k].Value;
            return true;
        }

        return false;
    }

    private bool Adjacent(int k) => k < _tokens.Count && !_tokens[k].SpaceBefore;

    private bool IsNumber(int k, int minDigits, int maxDigits) =>
        k < _tokens.Count && _tokens[k].IsNumber && _tokens[k].Length >= minDigits && _tokens[k].Length <= maxDigits;

    private int Digits(int k) => k < _tokens.Count && _tokens[k].IsNumber ? _tokens[k].Length : 0;

    private int Value(int k) => _tokens[k].Value;

    private bool IsSymbol(int k, char c) => k < _tokens.Count && _tokens[k].IsSymbol(c);

    private bool IsWord(int k) => k < _tokens.Count && _tokens[k].IsWord;

    private bool IsWord(int k, string word) => IsWord(k) && WordSpan(k).SequenceEqual(word);

    private bool IsWordIn(int k, System.Collections.Frozen.FrozenSet<string> words) =>
        IsWord(k) && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(WordSpan(k));

    private ReadOnlySpan<char> WordSpan(int k) =>
        k < _tokens.Count && _tokens[k].IsWord ? _text.AsSpan(_tokens[k].Start, _tokens[k].Length) : [];
}

using System.Collections.Frozen;

namespace NewsArchive.Parsing;

/// <summary>
/// Immutable word tables for <see cref="DateScanner"/>. Keys are lower case with ё folded to е,
/// the same normalisation the tokenizer applies.
/// </summary>
internal static class DateWords
{
    public static readonly FrozenDictionary<string, int> Months = BuildMonths();

    /// <summary>Zone abbreviations seen in RFC 822 dates and on Russian and European sites.</summary>
    public static readonly FrozenDictionary<string, TimeSpan> Zones = new Dictionary<string, TimeSpan>
    {
        ["z"] = TimeSpan.Zero, ["gmt"] = TimeSpan.Zero, ["utc"] = TimeSpan.Zero, ["ut"] = TimeSpan.Zero,
        ["wet"] = TimeSpan.Zero, ["west"] = TimeSpan.FromHours(1), ["bst"] = TimeSpan.FromHours(1),
        ["cet"] = TimeSpan.FromHours(1), ["mez"] = TimeSpan.FromHours(1),
        ["cest"] = TimeSpan.FromHours(2), ["mesz"] = TimeSpan.FromHours(2),
        ["eet"] = TimeSpan.FromHours(2), ["eest"] = TimeSpan.FromHours(3),
        ["msk"] = TimeSpan.FromHours(3), ["мск"] = TimeSpan.FromHours(3),
        ["est"] = TimeSpan.FromHours(-5), ["edt"] = TimeSpan.FromHours(-4),
        ["cst"] = TimeSpan.FromHours(-6), ["cdt"] = TimeSpan.FromHours(-5),
        ["mst"] = TimeSpan.FromHours(-7), ["mdt"] = TimeSpan.FromHours(-6),
        ["pst"] = TimeSpan.FromHours(-8), ["pdt"] = TimeSpan.FromHours(-7),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words naming a day relative to now, with how many days back.</summary>
    public static readonly FrozenDictionary<string, int> RelativeDays = new Dictionary<string, int>
    {
        ["сегодня"] = 0, ["сьогодні"] = 0, ["today"] = 0, ["heute"] = 0,
        ["вчера"] = 1, ["вчора"] = 1, ["yesterday"] = 1, ["gestern"] = 1,
        ["позавчера"] = 2, ["позавчора"] = 2, ["vorgestern"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Relative-day words that are ordinary prose in their language ("Today we announce"):
    /// they count only next to a time or standing alone.
    /// </summary>
    public static readonly FrozenSet<string> ProseRelativeDays =
        new[] { "today", "heute", "yesterday", "gestern", "vorgestern" }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, DateRelativeUnit> RelativeUnits = BuildUnits();

    public static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>
    {
        ["один"] = 1, ["одну"] = 1, ["одна"] = 1, ["два"] = 2, ["две"] = 2, ["три"] = 3, ["четыре"] = 4,
        ["пять"] = 5, ["шесть"] = 6, ["семь"] = 7, ["восемь"] = 8, ["девять"] = 9, ["десять"] = 10,
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["ein"] = 1, ["eine"] = 1, ["einer"] = 1, ["einem"] = 1, ["einen"] = 1, ["zwei"] = 2, ["drei"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words closing "N units ago".</summary>
    public static readonly FrozenSet<string> AgoWords =
        new[] { "назад", "тому", "ago" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>German puts the word first: "vor 2 Stunden".</summary>
    public const string GermanAgo = "vor";

    /// <summary>Words that may stand between a date and its time: "11 марта в 12:30", "11. März um 12:30".</summary>
    public static readonly FrozenSet<string> TimeConnectors =
        new[] { "в", "во", "о", "об", "at", "um", "à", "a", "alle", "om", "kl", "gegen" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after a year: "2026 г.", "2026 года", "2026 р.".</summary>
    public static readonly FrozenSet<string> YearSuffixes =
        new[] { "г", "гг", "год", "года", "году", "р", "року", "рік" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Day-number suffixes: "March 11th", "1er mars", "11-го марта".</summary>
    public static readonly FrozenSet<string> OrdinalSuffixes =
        new[] { "st", "nd", "rd", "th", "er", "го" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after a time: "12:30 Uhr", "12:30 ч.".</summary>
    public static readonly FrozenSet<string> TimeSuffixes =
        new[] { "uhr", "h", "ч", "hrs" }.ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["январь", "января", "янв", "січень", "січня", "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "gennaio"],
            ["февраль", "февраля", "фев", "февр", "лютий", "лютого", "february", "feb", "februar", "feber", "février", "févr", "febrero", "febbraio"],
            ["март", "марта", "мар", "березень", "березня", "march", "mar", "märz", "maerz", "marz", "mär", "mrz", "mars", "marzo"],
            ["апрель", "апреля", "апр", "квітень", "квітня", "april", "apr", "avril", "avr", "abril", "aprile"],
            ["май", "мая", "травень", "травня", "may", "mai", "mayo", "maggio"],
            ["июнь", "июня", "июн", "червень", "червня", "june", "jun", "juni", "juin", "junio", "giugno"],
            ["июль", "июля", "июл", "липень", "липня", "july", "jul", "juli", "juillet", "juil", "julio", "luglio"],
            ["август", "августа", "авг", "серпень", "серпня", "august", "aug", "août", "aout", "agosto"],
            ["сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "september", "sep", "sept", "septembre", "septiembre", "settembre"],
            ["октябрь", "октября", "окт", "жовтень", "жовтня", "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre"],
            ["ноябрь", "ноября", "ноя", "нояб", "листопад", "листопада", "november", "nov", "novembre", "noviembre"],
            ["декабрь", "декабря", "дек", "грудень", "грудня", "december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dicembre"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var month = 0; month < names.Length; month++)
        {
            foreach (var name in names[month])
            {
                map.Add(name, month + 1);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, DateRelativeUnit> BuildUnits()
    {
        var second = new DateRelativeUnit(TimeSpan.FromSeconds(1), false);
        var minute = new DateRelativeUnit(TimeSpan.FromMinutes(1), false);
        var hour = new DateRelativeUnit(TimeSpan.FromHours(1), false);
        var day = new DateRelativeUnit(TimeSpan.FromDays(1), true);
        var week = new DateRelativeUnit(TimeSpan.FromDays(7), true);
        var map = new Dictionary<string, DateRelativeUnit>(StringComparer.Ordinal);
        void Add(DateRelativeUnit unit, params string[] words)
        {
            foreach (var word in words)
            {
                map.Add(word, unit);
            }
        }

        Add(second, "секунду", "секунды", "секунд", "сек", "секунди", "second", "seconds", "sec", "secs", "sekunde", "sekunden");
        Add(minute, "минуту", "минуты", "минут", "мин", "хвилину", "хвилини", "хвилин", "хв", "minute", "minutes", "min", "mins", "minuten");
        Add(hour, "час", "часа", "часов", "ч", "годину", "години", "годин", "hour", "hours", "hr", "stunde", "stunden", "std");
        Add(day, "день", "дня", "дней", "дні", "днів", "day", "days", "tag", "tagen", "tage");
        Add(week, "неделю", "недели", "недель", "тиждень", "тижні", "тижнів", "week", "weeks", "woche", "wochen");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

using System.Collections.Frozen;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// Finds a page's publication and modification dates by a cascade of sources, most reliable
/// first: JSON-LD, meta tags, itemprop, &lt;time&gt; near the title, date-labelled text in
/// the article header, the URL. Dates in related-news lists, comments, footers, sidebars and
/// body paragraphs are never taken. The document is only read.
/// </summary>
public sealed class DateExtractor
{
    private const int MaxLabelLength = 200;
    private const int LongParagraph = 250;
    private const int HeaderWindowAfter = 40;
    private const int HeaderWindowBefore = 8;
    private const int WeakMetaRank = 3;
    private const int DatelineLength = 48;
    private const int DatelineBlocks = 2;

    private static readonly string[] UpdateWords =
    [
        "обновлено", "изменено", "оновлено", "geändert", "aktualisiert", "updated", "modified", "last change", "mis à jour",
    ];

    /// <summary>Meta keys for the publication date, lower rank trusted more.</summary>
    private static readonly FrozenDictionary<string, int> PublishedMetaKeys = new Dictionary<string, int>
    {
        ["article:published_time"] = 0, ["og:article:published_time"] = 0, ["article:published"] = 0,
        ["og:published_time"] = 1, ["datepublished"] = 1, ["published_time"] = 1, ["article.published"] = 1,
        ["rnews:datepublished"] = 1, ["parsely-pub-date"] = 2, ["sailthru.date"] = 2, ["pubdate"] = 2,
        ["publish-date"] = 2, ["publish_date"] = 2, ["publishdate"] = 2, ["publication_date"] = 2,
        ["dc.date.issued"] = 2, ["dcterms.issued"] = 2, ["dcterms.created"] = 2, ["dc.date.created"] = 2,
        ["citation_publication_date"] = 2, ["citation_date"] = 2, ["datecreated"] = 3, ["dc.date"] = 3,
        ["dcterms.date"] = 3, ["date"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Meta keys for the modification date.</summary>
    private static readonly FrozenDictionary<string, int> ModifiedMetaKeys = new Dictionary<string, int>
    {
        ["article:modified_time"] = 0, ["og:article:modified_time"] = 0, ["article:modified"] = 0,
        ["og:updated_time"] = 1, ["datemodified"] = 1, ["og:modified_time"] = 1, ["modified_time"] = 1,
        ["dcterms.modified"] = 2, ["dc.date.modified"] = 2, ["last-modified"] = 3, ["lastmod"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <param name="localizeUtc">A UTC date is shown in the site's zone: set when that zone is known to be its readers' (a country domain).</param>
    public ExtractedDates Extract(IDocument document, Uri pageUri, DateTimeOffset now, TimeZoneInfo siteZone, string? title = null, bool localizeUtc = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUri);
        ArgumentNullException.ThrowIfNull(siteZone);

        var scan = new DatePageScan(document, title);
        var jsonLd = JsonLdDateReader.Read(scan.JsonLdBlocks, pageUri, now, siteZone);
        var (strongMeta, weakMeta) = FromMeta(scan, now, siteZone);
        var itemprop = FromItemprop(scan, now, siteZone);
        var time = FromTimeElements(scan, now, siteZone);
        var (fromUrl, urlMonthOnly) = UrlDateParser.Parse(pageUri, now, siteZone);
        var urlDay = urlMonthOnly ? null : fromUrl;

        var (published, publishedSource) = First(
            (jsonLd.Published, DateSource.JsonLd),
            (strongMeta.Published, DateSource.Meta),
            (itemprop.Published, DateSource.Itemprop),
            (time.Published, DateSource.TimeElement));
        if (published is null)
        {
            (published, publishedSource) = FromVisibleText(scan, urlDay, now, siteZone);
        }
        else if (ShownAmongDisagreeing(scan, now, siteZone, published.Value, strongMeta.Published, itemprop.Published, time.Published) is { } shown)
        {
            (published, publishedSource) = shown;
        }

        if (published is null && FromScriptData(document.Source.Text, now, siteZone) is { } scripted)
        {
            (published, publishedSource) = (scripted, DateSource.ScriptData);
        }

        if (published is null)
        {
            (published, publishedSource) = First(
                (weakMeta.Published, DateSource.Meta),
                (fromUrl, DateSource.Url));
        }

        if (published is null && FromStandaloneDate(scan, now, siteZone) is { } standalone)
        {
            (published, publishedSource) = (standalone, DateSource.VisibleText);
        }

        // A dated URL is fixed when the story is first published; a page date days away from it
        // is an update or a template's date.
        if (urlDay is not null && published is not null && publishedSource != DateSource.Url
            && (published.Value - urlDay.Value).Duration() > TimeSpan.FromDays(2))
        {
            (published, publishedSource) = (urlDay, DateSource.Url);
        }

        if (published is { Offset.Ticks: 0 } utcPublished && publishedSource != DateSource.Url)
        {
            published = InPageOffset(document.Source.Text, utcPublished)
                ?? (localizeUtc ? TimeZoneInfo.ConvertTime(utcPublished, siteZone) : published);
        }

        var (modified, modifiedSource) = First(
            (jsonLd.Modified, DateSource.JsonLd),
            (strongMeta.Modified, DateSource.Meta),
            (itemprop.Modified, DateSource.Itemprop),
            (time.Modified, DateSource.TimeElement),
            (weakMeta.Modified, DateSource.Meta));
        return new ExtractedDates(published, publishedSource, modified, modifiedSource);
    }

    private static readonly string[] ScriptDateKeys =
    [
        "\"datePublished\":", "\"published_at\":", "\"publishedAt\":", "\"publishedDate\":", "\"publishDate\":", "\"publish_date\":",
        "\"date_published\":", "\"publicationDate\":", "\"firstPublished\":", "\"createdAt\":", "\"created_at\":",
    ];

    /// <summary>
    /// A publication date that single-page apps keep only in their state JSON ("published_at",
    /// "createdAt"), read when the page shows none.
    /// </summary>
    private static DateTimeOffset? FromScriptData(string source, DateTimeOffset now, TimeZoneInfo zone)
    {
        const int MaxValueLength = 40;
        foreach (var key in ScriptDateKeys)
        {
            var at = source.IndexOf(key, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var start = at + key.Length;
            while (start < source.Length && source[start] == ' ')
            {
                start++;
            }
            if (start >= source.Length || source[start] != '"')
            {
                continue;
            }
            var end = source.IndexOf('"', start + 1, Math.Min(MaxValueLength, source.Length - start - 1));
            if (end > start && DateTextParser.Parse(source[(start + 1)..end], now, zone) is { } date)
            {
                return date;
            }
        }
        return null;
    }

    /// <summary>
    /// The same instant written elsewhere in the page with the site's own offset: a UTC meta date
    /// late in the evening belongs to the day the page shows, not the next one.
    /// </summary>
    private static DateTimeOffset? InPageOffset(string source, DateTimeOffset utc)
    {
        const int DateAndHour = 13; // yyyy-MM-ddTHH
        var minuteSecond = utc.ToString(":mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        for (var at = source.IndexOf(minuteSecond, StringComparison.Ordinal); at >= DateAndHour; at = source.IndexOf(minuteSecond, at + 1, StringComparison.Ordinal))
        {
            var end = at + minuteSecond.Length;
            if (end < source.Length && source[end] == '.')
            {
                while (++end < source.Length && char.IsAsciiDigit(source[end]))
                {
                }
            }
            if (end + 6 > source.Length || source[end] is not ('+' or '-'))
            {
                continue;
            }
            var text = string.Concat(source.AsSpan(at - DateAndHour, DateAndHour + minuteSecond.Length), source.AsSpan(end, 6));
            if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
                && local.Offset != TimeSpan.Zero && (local - utc).Duration() < TimeSpan.FromSeconds(1))
            {
                return local;
            }
        }
        return null;
    }

    /// <summary>
    /// Structured sources that disagree on the day (a JSON-LD date from an earlier draft, a meta date from the first
    /// release): the one whose day the page shows in its header wins.
    /// </summary>
    private static (DateTimeOffset?, DateSource)? ShownAmongDisagreeing(DatePageScan scan, DateTimeOffset now, TimeZoneInfo zone, DateTimeOffset chosen,
        DateTimeOffset? meta, DateTimeOffset? itemprop, DateTimeOffset? time)
    {
        ReadOnlySpan<(DateTimeOffset? Date, DateSource Source)> others = [(meta, DateSource.Meta), (itemprop, DateSource.Itemprop), (time, DateSource.TimeElement)];
        var disagreeing = false;
        foreach (var (date, _) in others)
        {
            disagreeing |= date is not null && date.Value.Date != chosen.Date;
        }
        if (!disagreeing || FirstInText(scan, scan.HintedElements, now, zone, out _) is not { IsWeak: false } shown || shown.Value.Date == chosen.Date)
        {
            return null;
        }
        foreach (var (date, source) in others)
        {
            if (date is not null && date.Value.Date == shown.Value.Date)
            {
                return (date, source);
            }
        }
        return null;
    }

    private static (DateTimeOffset?, DateSource) First(params ReadOnlySpan<(DateTimeOffset? Date, DateSource Source)> candidates)
    {
        foreach (var (date, source) in candidates)
        {
            if (date is not null)
            {
                return (date, source);
            }
        }

        return (null, DateSource.None);
    }

    /// <summary>
    /// Named meta dates, and separately the generic ones ("date", "DC.date") that many CMSs fill
    /// with the last change: those rank below a date shown on the page.
    /// </summary>
    private static (DatePair Strong, DatePair Weak) FromMeta(DatePageScan scan, DateTimeOffset now, TimeZoneInfo zone)
    {
        var published = new RankedDate();
        var modified = new RankedDate();
        var weakPublished = new RankedDate();
        var weakModified = new RankedDate();
        foreach (var meta in scan.Metas)
        {
            if (scan.IsExcluded(meta.Index))
            {
                continue;
            }

            if (PublishedMetaKeys.TryGetValue(meta.Key, out var rank) || IsOtherPublishedKey(meta.Key, out rank))
            {
                var date = DateTextParser.Parse(meta.Content, now, zone);
                if (rank < WeakMetaRank)
                {
                    published.Offer(rank, meta.Index, date);
                }
                else
                {
                    weakPublished.Offer(rank, meta.Index, date);
                }
            }
            else if (ModifiedMetaKeys.TryGetValue(meta.Key, out rank))
            {
                var date = DateTextParser.Parse(meta.Content, now, zone);
                if (rank < WeakMetaRank)
                {
                    modified.Offer(rank, meta.Index, date);
                }
                else
                {
                    weakModified.Offer(rank, meta.Index, date);
                }
            }
        }

        return (new DatePair(published.Value, modified.Value), new DatePair(weakPublished.Value, weakModified.Value));
    }

    // CMS-specific names such as "sw-pubdate" or "cXenseParse:publishtime".
    private static bool IsOtherPublishedKey(string key, out int rank)
    {
        rank = 2;
        return (key.Contains("pubdate", StringComparison.Ordinal) || key.Contains("publish", StringComparison.Ordinal))
            && !key.Contains("publisher", StringComparison.Ordinal)
            && !key.Contains("modif", StringComparison.Ordinal) && !key.Contains("update", StringComparison.Ordinal)
            && !ModifiedMetaKeys.ContainsKey(key);
    }

    private static DatePair FromItemprop(DatePageScan scan, DateTimeOffset now, TimeZoneInfo zone)
    {
        DateTimeOffset? published = null;
        DateTimeOffset? modified = null;
        foreach (var index in ByProximity(scan, scan.ItempropElements))
        {
            if (scan.IsExcludedHard(index) || (scan.IsExcluded(index) && !JustAfterTitle(scan, index)))
            {
                continue;
            }

            var element = scan[index];
            var itemprop = element.GetAttribute("itemprop") ?? string.Empty;
            var isModified = itemprop.Contains("dateModified", StringComparison.OrdinalIgnoreCase);
            if (isModified ? modified is not null : published is not null)
            {
                continue;
            }

            var date = DateTextParser.Parse(AttributeValue(element), now, zone)
                ?? DateTextParser.Parse(ElementText.Capped(element, MaxLabelLength), now, zone);
            if (isModified)
            {
                modified = date;
            }
            else
            {
                published = date;
            }
        }

        return new DatePair(published, modified);
    }

    // <time datetime>, <meta content>, and the microformat <abbr class="published" title="…">.
    private static string? AttributeValue(IElement element) =>
        element.GetAttribute("content") ?? element.GetAttribute("datetime")
        ?? (element.LocalName == "abbr" ? element.GetAttribute("title") : null);

    private static DatePair FromTimeElements(DatePageScan scan, DateTimeOffset now, TimeZoneInfo zone)
    {
        DateTimeOffset? published = null;
        DateTimeOffset? modified = null;
        DateTimeOffset? marked = null;
        foreach (var index in ByProximity(scan, scan.TimeElements))
        {
            if (IsBlocked(scan, index))
            {
                continue;
            }

            var element = scan[index];
            var classes = element.GetAttribute("class") ?? string.Empty;
            var isModified = (classes.Contains("updated", StringComparison.OrdinalIgnoreCase) || classes.Contains("modified", StringComparison.OrdinalIgnoreCase))
                && !classes.Contains("published", StringComparison.OrdinalIgnoreCase);
            if (isModified ? modified is not null : published is not null && (marked is not null || !element.HasAttribute("pubdate")))
            {
                continue;
            }

            var date = DateTextParser.Parse(element.GetAttribute("datetime"), now, zone)
                ?? DateTextParser.Parse(ElementText.Capped(element, MaxLabelLength), now, zone);
            if (isModified)
            {
                modified = date;
            }
            else if (element.HasAttribute("pubdate") && date is not null)
            {
                // The old HTML5 pubdate attribute marks the article's own date explicitly.
                marked = date;
            }
            else
            {
                published ??= date;
            }
        }

        return new DatePair(marked ?? published, modified);
    }

    /// <summary>
    /// Dates shown on the page: date-labelled elements, then label words in text, then the
    /// URL's date, then unlabelled lines around the title. A date whose year or day had to be
    /// inferred ("18 Mai", "вчера") gives way to a dated URL.
    /// </summary>
    private static (DateTimeOffset?, DateSource) FromVisibleText(DatePageScan scan, DateTimeOffset? urlDay, DateTimeOffset now, TimeZoneInfo zone)
    {
        var found = FirstInText(scan, scan.HintedElements, now, zone, out var updated) ?? FirstLabelled(scan, now, zone) ?? updated;
        if (found is { IsWeak: false } || (found is not null && urlDay is null))
        {
            return (found.Value.Value, DateSource.VisibleText);
        }

        if (urlDay is not null)
        {
            return (urlDay, DateSource.Url);
        }

        var header = FromHeaderLines(scan, now, zone);
        return header is null ? (null, DateSource.None) : (header, DateSource.VisibleText);
    }

    /// <summary>
    /// The date in the date-labelled element nearest the title. One introduced as an update
    /// ("Aktualisiert: 30.12.2016") is held back in <paramref name="updated"/> as a last resort.
    /// </summary>
    private static ScannedDate? FirstInText(DatePageScan scan, List<int> candidates, DateTimeOffset now, TimeZoneInfo zone, out ScannedDate? updated)
    {
        updated = null;
        foreach (var index in ByProximity(scan, candidates))
        {
            if (IsBlocked(scan, index))
            {
                continue;
            }

            var element = scan[index];
            var text = ElementText.Capped(element, MaxLabelLength);
            var date = DateTextParser.FindScanned(AttributeValue(element), now, zone)
                ?? DateTextParser.FindScanned(text, now, zone);
            if (date is null || (date.Value.IsWeak && IsSentence(text)))
            {
                continue;
            }

            if (text is null || !StartsWithUpdate(text))
            {
                return date;
            }

            updated ??= date;
        }

        return null;
    }

    // "Zuletzt geändert am 15.10.2021" names the modification date, not the publication date.
    private static bool StartsWithUpdate(string text)
    {
        var firstDigit = text.AsSpan().IndexOfAnyInRange('0', '9');
        var head = firstDigit < 0 ? text : text[..firstDigit];
        foreach (var word in UpdateWords)
        {
            if (head.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text that names its date ("Veröffentlicht am 16.08.2019", "Дата: 11.03.2026"), read from
    /// the label on. An explicit label counts even in a footer, but not in a list of other stories.
    /// </summary>
    private static ScannedDate? FirstLabelled(DatePageScan scan, DateTimeOffset now, TimeZoneInfo zone)
    {
        foreach (var index in ByProximity(scan, scan.LabelledElements))
        {
            if (scan.IsInList(index) || scan.IsInSiteHeader(index))
            {
                continue;
            }

            var element = scan[index];
            var date = FromLabel(ElementText.Capped(element, MaxLabelLength), now, zone);
            if (date is null && element.ParentElement is { } parent)
            {
                // "<h5>Datum:</h5> 03.11.2021": the label and its date are siblings.
                date = FromLabel(ElementText.Capped(parent, MaxLabelLength), now, zone);
            }

            if (date is not null)
            {
                return date;
            }
        }

        return null;
    }

    private static ScannedDate? FromLabel(string? text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var at = text is null ? -1 : DatePageScan.LabelPosition(text);
        return at < 0 ? null : DateTextParser.FindScanned(text![at..], now, zone);
    }

    /// <summary>
    /// A date line's date. A day without a year inside a sentence ("Aktion zum Tag der
    /// Pressefreiheit am 3. Mai") is the subject of a subtitle, not when the page was published.
    /// </summary>
    private static DateTimeOffset? HeaderLineDate(string line, DateTimeOffset now, TimeZoneInfo zone)
    {
        var date = DateTextParser.FindScanned(line, now, zone);
        return date is { IsWeak: true } && IsSentence(line) ? null : date?.Value;
    }

    private static bool IsSentence(string? text)
    {
        const int SentenceLetters = 40;
        return text is not null && text.Count(char.IsLetter) > SentenceLetters;
    }

    /// <summary>
    /// The last resort: the first element on the page whose own text is a full date and nothing more
    /// ("21.11.2022", "14. Februar 2012"), outside lists of other stories, footers and comments.
    /// </summary>
    private static DateTimeOffset? FromStandaloneDate(DatePageScan scan, DateTimeOffset now, TimeZoneInfo zone)
    {
        const int MaxDateText = 40;
        const int MaxOtherLetters = 12;
        for (var index = 0; index < scan.Count; index++)
        {
            if (scan.IsExcluded(index) || scan.IsInList(index) || scan.IsInSiteHeader(index))
            {
                continue;
            }
            var own = ElementText.Own(scan[index], MaxDateText + 1);
            if (own.Length is 0 or > MaxDateText || own.Count(char.IsLetter) > MaxOtherLetters + 10)
            {
                continue;
            }
            if (DateTextParser.FindScanned(own, now, zone) is { IsWeak: false } date && LettersOutsideMonth(own) <= MaxOtherLetters)
            {
                return date.Value;
            }
        }
        return null;
    }

    /// <summary>Letters in the text other than its longest word (the month's name, when it has one).</summary>
    private static int LettersOutsideMonth(string text)
    {
        var letters = text.Count(char.IsLetter);
        var longestWord = text.Split(' ', '.', ',', '|').Max(word => word.Count(char.IsLetter));
        return letters - longestWord;
    }

    /// <summary>
    /// Unlabelled lines around the title ("Автор: Иван Петров · 11 марта 2026"): the elements
    /// after it up to the first long paragraph, where the body starts, then a few before it.
    /// </summary>
    private static DateTimeOffset? FromHeaderLines(DatePageScan scan, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (scan.Anchor < 0)
        {
            return null;
        }

        var last = Math.Min(scan.Count - 1, scan.Anchor + HeaderWindowAfter);
        var longBlocks = 0;
        for (var index = scan.Anchor + 1; index <= last; index++)
        {
            if (scan.IsExcludedHard(index))
            {
                continue;
            }

            var own = ElementText.Own(scan[index], LongParagraph);
            if (own.Length > MaxLabelLength)
            {
                // The body starts here. The first words of the lead or of the paragraph after it
                // may still be a dateline: "29.11.2022 – Mehrfach hatte die Branche…",
                // "Pressemitteilung vom 25. Januar 2022 | Berlin –".
                var dateline = DateTextParser.FindScanned(own[..DatelineLength], now, zone);
                if (dateline is { IsWeak: false })
                {
                    return dateline.Value.Value;
                }

                if (++longBlocks == DatelineBlocks)
                {
                    break;
                }

                continue;
            }

            if (longBlocks > 0)
            {
                continue;
            }

            var date = HeaderLineDate(own, now, zone);
            if (date is not null)
            {
                return date;
            }
        }

        var first = Math.Max(0, scan.Anchor - HeaderWindowBefore);
        for (var index = scan.Anchor - 1; index >= first; index--)
        {
            if (scan.IsExcluded(index))
            {
                continue;
            }

            var own = ElementText.Own(scan[index], MaxLabelLength);
            var date = own.Length > MaxLabelLength ? null : HeaderLineDate(own, now, zone);
            if (date is not null)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a candidate cannot be the article's date: it sits in a list of other stories or
    /// comments, in a footer or sidebar away from the title, in the masthead (which shows
    /// today's date), or inside a long body paragraph.
    /// </summary>
    private static bool IsBlocked(DatePageScan scan, int index)
    {
        if (scan.IsExcludedHard(index) || (scan.IsExcluded(index) && !JustAfterTitle(scan, index)) || scan.IsInSiteHeader(index))
        {
            return true;
        }

        var paragraph = scan.ParagraphOf(index);
        return paragraph is not null && ElementText.Capped(paragraph, LongParagraph) is null;
    }

    // Some templates name the column beside the article "sidebar" and put its date there.
    private static bool JustAfterTitle(DatePageScan scan, int index) =>
        scan.Anchor >= 0 && index > scan.Anchor && index - scan.Anchor <= HeaderWindowAfter;

    /// <summary>
    /// Candidates nearest the title first; one after it beats one equally far before it, since
    /// lists of other stories tend to precede the article in the markup.
    /// </summary>
    private static List<int> ByProximity(DatePageScan scan, List<int> candidates)
    {
        var ordered = new List<int>(candidates);
        var anchor = scan.Anchor;
        if (anchor >= 0 && ordered.Count > 1)
        {
            ordered.Sort((a, b) =>
            {
                var byDistance = Distance(a, anchor).CompareTo(Distance(b, anchor));
                return byDistance != 0 ? byDistance : a.CompareTo(b);
            });
        }

        return ordered;
    }

    private static int Distance(int index, int anchor) => index >= anchor ? index - anchor : 2 * (anchor - index);
}

using System.Globalization;
using AngleSharp.Dom;
using NewsArchive.Crawling;
using NewsArchive.Sites;

namespace NewsArchive.Parsing;

/// <summary>
/// Applies a site profile's selectors to a page before the generic extractor looks at what is left: reads the fields
/// they match, takes the profile's link lists and dropped blocks out of the page, and picks the body elements.
/// </summary>
internal static class ProfileExtractor
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static ProfileReading Read(IDocument document, SiteProfile profile, Uri pageUrl, ParseContext context)
    {
        var reading = new ProfileReading();
        if (profile.Title is not null && FirstText(document, profile.Title) is { } title)
        {
            reading.Title = title;
            reading.Fields.Add("title");
        }
        if (profile.Date is not null && ReadDate(document, profile.Date, context) is { } published)
        {
            reading.Published = published;
            reading.Fields.Add("date");
        }
        if (profile.Modified is not null && ReadDate(document, profile.Modified, context) is { } modified)
        {
            reading.Modified = modified;
            reading.Fields.Add("modified");
        }
        if (profile.Authors is not null)
        {
            var authors = document.QuerySelectorAll(profile.Authors).Select(e => WithoutLabel(BodyTextRenderer.Inline(e)))
                .Where(a => a.Length is > 1 and <= 80).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (authors.Count > 0)
            {
                reading.Authors = authors;
                reading.Fields.Add("authors");
            }
        }
        if (profile.Views is not null && FirstNumber(document, profile.Views) is { } views)
        {
            reading.Views = views;
            reading.Fields.Add("views");
        }
        if (profile.Comments is not null && FirstNumber(document, profile.Comments) is { } comments)
        {
            reading.Comments = comments;
            reading.Fields.Add("comments");
        }

        // Lists and tags leave the page once read, so that neither the generic lists nor the body see them again.
        if (profile.Related is not null && ReadList(document, profile.Related, pageUrl, context, reading.Links) > 0)
        {
            reading.Fields.Add("related");
        }
        foreach (var list in profile.Lists)
        {
            if (ReadList(document, list, pageUrl, context, reading.Links) > 0 && !reading.Fields.Contains("lists"))
            {
                reading.Fields.Add("lists");
            }
        }
        if (profile.Tags is not null && ReadList(document, new ProfileLinkList(LinkKind.Tag, profile.Tags), pageUrl, context, reading.Links) > 0)
        {
            reading.Fields.Add("tags");
        }
        if (profile.ListingItems is not null)
        {
            ReadListingItems(document, profile.ListingItems, pageUrl, context, reading.ListingItems);
            if (reading.ListingItems.Count > 0)
            {
                reading.Fields.Add("listing_items");
            }
        }
        if (profile.NextPage is not null)
        {
            foreach (var anchor in Anchors(document.QuerySelectorAll(profile.NextPage)))
            {
                if (UrlNormalizer.Resolve(pageUrl, anchor.GetAttribute("href")) is { } next && UrlNormalizer.IsSameSite(next, pageUrl)
                    && UrlNormalizer.NormalizeString(next) != UrlNormalizer.NormalizeString(pageUrl) && !reading.NextPages.Contains(next))
                {
                    reading.NextPages.Add(next);
                }
            }
            if (reading.NextPages.Count > 0)
            {
                reading.Fields.Add("next_page");
            }
        }

        foreach (var selector in profile.Drop)
        {
            foreach (var element in document.QuerySelectorAll(selector).ToArray())
            {
                element.Remove();
            }
        }
        if (profile.Body is not null)
        {
            var matches = document.QuerySelectorAll(profile.Body).ToList();
            // A match inside another match is read with it.
            var body = matches.Where(m => !matches.Any(other => other != m && other.Contains(m))).ToList();
            if (body.Count > 0)
            {
                reading.Body = body;
                reading.Fields.Add("body");
            }
        }
        return reading;
    }

    /// <summary>"Автор: Ирина Соколова" is the name after a short label.</summary>
    private static string WithoutLabel(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and <= 15 && !text[..colon].Any(char.IsDigit))
        {
            text = text[(colon + 1)..];
        }
        return text.Trim(' ', ',');
    }

    internal static string? FirstText(IDocument document, string selector)
    {
        foreach (var element in document.QuerySelectorAll(selector))
        {
            var text = element.TagName == "META" ? BodyTextRenderer.Collapse(element.GetAttribute("content")) : BodyTextRenderer.Inline(element);
            if (text.Length > 0)
            {
                return text;
            }
        }
        return null;
    }

    internal static int? FirstNumber(IDocument document, string selector)
    {
        foreach (var element in document.QuerySelectorAll(selector))
        {
            if (Number(element) is { } number)
            {
                return number;
            }
        }
        return null;
    }

    /// <summary>The first number in the element's text, its digits grouped by spaces or not ("6 201").</summary>
    internal static int? Number(IElement element)
    {
        var digits = new string(BodyTextRenderer.Inline(element).SkipWhile(c => !char.IsAsciiDigit(c))
            .TakeWhile(c => char.IsAsciiDigit(c) || c is ' ' or '\u00A0' or '\u202F').Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>A date element's machine value (datetime, content) first, then its text, read as the profile says.</summary>
    internal static DateTimeOffset? ReadDate(IDocument document, ProfileDate date, ParseContext context)
    {
        foreach (var element in document.QuerySelectorAll(date.Selector))
        {
            if (ReadDate(element, date.HasPattern ? date.Format : null, context) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>One element's date: with a pattern, read with it; without, by the generic reader.</summary>
    internal static DateTimeOffset? ReadDate(IElement element, string? pattern, ParseContext context)
    {
        var machine = element.GetAttribute("datetime") ?? element.GetAttribute("content");
        var text = BodyTextRenderer.Inline(element);
        DateTimeOffset? value = null;
        if (pattern is not null)
        {
            value = ParsePattern(text, pattern, context) ?? (machine is null ? null : ParsePattern(machine, pattern, context));
        }
        value ??= DateTextParser.Parse(machine, context.Now, context.SiteZone) ?? DateTextParser.FindInText(text, context.Now, context.SiteZone);
        return value is { } found && found <= context.Now.AddDays(1) ? found : null;
    }

    /// <summary>The pattern matched against the whole text, else against each run of its words ("Опубликовано 11.03.2026 12:30").</summary>
    private static DateTimeOffset? ParsePattern(string text, string format, ParseContext context)
    {
        text = text.Length > 200 ? text[..200] : text;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = words.Length; length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                var candidate = string.Join(' ', words, start, length).Trim(',', '.', '|', '(', ')');
                if (DateTime.TryParseExact(candidate, format, Russian, DateTimeStyles.AllowWhiteSpaces, out var local))
                {
                    return new DateTimeOffset(local, context.SiteZone.GetUtcOffset(local));
                }
            }
        }
        return null;
    }

    /// <summary>Reads the list's links into <paramref name="links"/>; its containers leave the page unless only looked at.</summary>
    internal static int ReadList(IDocument document, ProfileLinkList list, Uri pageUrl, ParseContext context, List<PageLink> links, bool remove = true)
    {
        var found = 0;
        foreach (var container in document.QuerySelectorAll(list.Container).ToArray())
        {
            if (container.Parent is null)
            {
                continue;
            }
            var heading = Heading(container);
            var anchors = list.Item is null ? Anchors([container]) : Anchors(container.QuerySelectorAll(list.Item));
            foreach (var anchor in anchors)
            {
                var text = BodyTextRenderer.Inline(anchor);
                if (UrlNormalizer.Resolve(pageUrl, anchor.GetAttribute("href")) is not { } url || text.Length == 0)
                {
                    continue;
                }
                DateTimeOffset? published = null;
                if (list.Date is not null && ItemDate(anchor, container, list.Date) is { } dateElement)
                {
                    var dateText = BodyTextRenderer.Inline(dateElement);
                    published = DateTextParser.Parse(dateElement.GetAttribute("datetime"), context.Now, context.SiteZone)
                        ?? DateTextParser.FindInText(dateText, context.Now, context.SiteZone);
                }
                links.Add(new PageLink(url, list.Kind, text, published, heading));
                found++;
            }
            if (remove)
            {
                container.Remove();
            }
        }
        return found;
    }

    /// <summary>The date element nearest the link: the first level above it, below the container, that holds exactly one.</summary>
    private static IElement? ItemDate(IElement anchor, IElement container, string selector)
    {
        for (var level = anchor.ParentElement; level is not null; level = level.ParentElement)
        {
            var dates = level.QuerySelectorAll(selector);
            if (dates.Length > 0 || level == container)
            {
                return dates.Length == 1 ? dates[0] : null;
            }
        }
        return null;
    }

    /// <summary>"Новости по теме:": a short heading-like element inside the container without a link.</summary>
    private static string? Heading(IElement container)
    {
        foreach (var candidate in container.QuerySelectorAll("h2, h3, h4, h5, h6, strong, b, [class*=title], [class*=head]"))
        {
            var text = BodyTextRenderer.Inline(candidate).TrimEnd(':', ' ');
            if (text.Length is > 0 and <= 80 && candidate.QuerySelector("a[href]") is null && candidate.Closest("a") is null)
            {
                return text;
            }
        }
        return null;
    }

    internal static void ReadListingItems(IDocument document, string selector, Uri pageUrl, ParseContext context, List<PageLink> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in Anchors(document.QuerySelectorAll(selector)))
        {
            if (UrlNormalizer.Resolve(pageUrl, anchor.GetAttribute("href")) is not { } url || !seen.Add(UrlNormalizer.NormalizeString(url)))
            {
                continue;
            }
            var text = BodyTextRenderer.Inline(anchor);
            DateTimeOffset? published = null;
            if (anchor.Closest("li, article, tr, .item, [class*=item]") is { } item && BodyTextRenderer.Inline(item) is { Length: < 600 } itemText)
            {
                published = DateTextParser.FindInText(text.Length > 0 ? itemText.Replace(text, " ", StringComparison.Ordinal) : itemText, context.Now, context.SiteZone);
            }
            items.Add(new PageLink(url, LinkKind.Listing, text.Length > 0 ? text : anchor.GetAttribute("title"), published, null));
        }
    }

    /// <summary>The matched elements that are links, and the links inside those that are not.</summary>
    internal static IEnumerable<IElement> Anchors(IEnumerable<IElement> matches)
    {
        foreach (var match in matches)
        {
            if (match.TagName == "A")
            {
                if (match.HasAttribute("href"))
                {
                    yield return match;
                }
                continue;
            }
            foreach (var anchor in match.QuerySelectorAll("a[href]"))
            {
                yield return anchor;
            }
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>View and comment counters: small elements named like counters, or labelled numbers in text.</summary>
internal static partial class CounterExtractor
{
    private static readonly ISelector CounterWrappers = PreparsedSelectors.Parse("a, span, div, li, i");

    [GeneratedRegex(@"(просмотр\w*|views?|прочитал\w*|read)\s*[:\-]?\s*(\d[\d\s\u00A0]{0,12})|(\d[\d\s\u00A0]{0,12})\s*(просмотр\w*|views?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ViewsText();

    [GeneratedRegex(@"(коммента\w*|comments?)\s*[:\-(]?\s*(\d[\d\s\u00A0]{0,8})|(\d[\d\s\u00A0]{0,8})\s*(коммента\w*|comments?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CommentsText();

    [GeneratedRegex(@"^\D{0,3}(\d[\d\s\u00A0]{0,12})\D{0,3}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BareNumber();

    public static (int? Views, int? Comments) Extract(TextStats stats, PageElements elements)
    {
        int? views = null, comments = null;
        // The body's elements with a class, id or title, in document order.
        for (var i = elements.BodyStart; i < elements.BodyEnd; i++)
        {
            if (views is not null && comments is not null)
            {
                break;
            }
            var element = elements.All[i];
            if (element.Attributes.Length == 0 || (!element.HasAttribute("class") && !element.HasAttribute("id") && !element.HasAttribute("title")))
            {
                continue;
            }
            // The collapsed length never exceeds the raw one: big containers are skipped without reading their text.
            if (stats.Text(element) > 60 || element.ChildElementCount > 4)
            {
                continue;
            }
            if (!MayHoldNumber(element, 60))
            {
                continue;
            }
            var text = DescendantTexts.Join(element);
            var names = LinkListExtractor.ClassAndId(element) + " " + element.GetAttribute("title");
            text = BodyTextRenderer.Collapse(text);
            if (views is null && Vocabulary.ViewsClass().IsMatch(names))
            {
                views = Number(BareNumber().Match(text), 1) ?? Number(ViewsText().Match(text), 2, 3);
            }
            else if (comments is null && Vocabulary.CommentsClass().IsMatch(names) && PreparsedSelectors.Closest(element, CounterWrappers) is not null)
            {
                comments = Number(BareNumber().Match(text), 1) ?? Number(CommentsText().Match(text), 2, 3);
            }
        }
        if (views is null || comments is null)
        {
            for (var i = elements.BodyStart; i < elements.BodyEnd; i++)
            {
                var element = elements.All[i];
                if (element.LocalName.ToLowerInvariant() is not ("span" or "div" or "p" or "li" or "small" or "a"))
                {
                    continue;
                }
                if (element.ChildElementCount > 3 || stats.Text(element) > 80)
                {
                    continue;
                }
                if (!MayHoldNumber(element, 80))
                {
                    continue;
                }
                var raw = DescendantTexts.Join(element);
                var text = BodyTextRenderer.Collapse(raw);
                views ??= Number(ViewsText().Match(text), 2, 3);
                comments ??= Number(CommentsText().Match(text), 2, 3);
                if (views is not null && comments is not null)
                {
                    break;
                }
            }
        }
        return (views, comments);
    }

    /// <summary>
    /// Whether the element's raw text (its TextContent) is at most <paramref name="maxLength"/> long and holds a digit,
    /// found without building it: most small elements hold no number, and TextContent allocates for each.
    /// </summary>
    private static bool MayHoldNumber(IElement element, int maxLength)
    {
        var length = 0;
        var digit = false;
        var texts = new DescendantNodes(element);
        while (texts.MoveNextText(out var text))
        {
            length += text.Data.Length;
            if (length > maxLength)
            {
                return false;
            }
            digit = digit || text.Data.AsSpan().ContainsAnyInRange('0', '9');
        }
        return digit;
    }

    private static int? Number(Match match, params int[] groups)
    {
        if (!match.Success)
        {
            return null;
        }
        foreach (var group in groups)
        {
            var value = match.Groups[group].Value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            if (value.Length > 0 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }
        return null;
    }
}

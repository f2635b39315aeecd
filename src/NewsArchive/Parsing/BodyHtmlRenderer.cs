using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace NewsArchive.Parsing;

/// <summary>
/// Renders the chosen, pruned body elements as sanitised HTML: text structure, links and captioned images only.
/// The allow-list work is HtmlSanitizer's (a maintained XSS sanitiser on AngleSharp); this type picks the lists
/// and fixes what news templates do to images (lazy-loading attributes instead of src).
/// Not thread-safe: one instance per parser.
/// </summary>
internal sealed class BodyHtmlRenderer
{
    private static readonly string[] Tags =
    [
        "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "figure", "figcaption",
        "b", "strong", "i", "em", "u", "s", "sub", "sup", "q", "cite", "code",
    ];

    private static readonly string[] Attributes = ["href", "src", "alt", "title", "colspan", "rowspan"];

    /// <summary>Where lazy-loading scripts keep the real picture while src holds a placeholder.</summary>
    private static readonly string[] LazySources = ["data-src", "data-original", "data-lazy-src"];

    private static readonly ISelector TextWrappers = PreparsedSelectors.Parse("div, section, article, header, main, center, font");

    private readonly HtmlSanitizer _sanitizer;

    public BodyHtmlRenderer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        // Wrappers (div, span, section, font) go but their text stays.
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.RemovingTag += (_, e) =>
        {
            // Code and embedded players never become text, whatever KeepChildNodes says.
            if (e.Tag.LocalName is "script" or "style" or "noscript" or "template" or "iframe" or "object" or "embed"
                or "svg" or "canvas" or "form" or "button" or "select" or "textarea" or "input" or "video" or "audio")
            {
                e.Tag.InnerHtml = "";
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            // A link the sanitiser stripped of its href (javascript:, mailto:) is plain text.
            if (e.Node is IElement { LocalName: "a" } anchor && !anchor.HasAttribute("href"))
            {
                foreach (var child in anchor.ChildNodes.ToArray())
                {
                    e.ReplacementNodes.Add(child);
                }
            }
            // An image without a usable source is nothing.
            else if (e.Node is IElement { LocalName: "img" } image && !image.HasAttribute("src"))
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(""));
            }
        };
    }

    /// <summary>The sanitised HTML of the body roots, with links and images made absolute against the page URL.</summary>
    public string Render(IReadOnlyList<IElement> roots, Uri pageUrl)
    {
        if (roots.Count == 0)
        {
            return "";
        }
        // The roots are sanitised where they are, moved into one container: no second serialise-and-parse. They are
        // not read again after this, so moving and rewriting them is harmless.
        if (roots[0].Owner is not IHtmlDocument document)
        {
            return "";
        }
        var container = (IHtmlElement)document.CreateElement("div");
        foreach (var root in roots)
        {
            foreach (var image in PreparsedSelectors.All(root, PreparsedSelectors.Images))
            {
                UseLazySource(image);
            }
            foreach (var wrapper in PreparsedSelectors.All(root, TextWrappers).Where(IsParagraph).ToArray())
            {
                wrapper.Replace(AsParagraph(wrapper));
            }
            if (IsParagraph(root))
            {
                container.AppendChild(AsParagraph(root));
            }
            else if (root.TagName is "TD" or "TH" or "TR" or "TBODY" or "THEAD" or "TFOOT")
            {
                // A layout table's cell is a wrapper, and a cell outside its table is no HTML.
                container.Append([.. root.ChildNodes]);
            }
            else
            {
                container.AppendChild(root);
            }
            container.AppendChild(document.CreateTextNode("\n"));
        }
        _sanitizer.SanitizeDom(document, container, pageUrl.AbsoluteUri);
        return TrimBreaks(container.InnerHtml);
    }

    private static IElement AsParagraph(IElement wrapper)
    {
        var paragraph = wrapper.Owner!.CreateElement("p");
        paragraph.Append([.. wrapper.ChildNodes]);
        return paragraph;
    }

    /// <summary>Line breaks left at either end once the template's wrappers are gone mean nothing.</summary>
    private static string TrimBreaks(string html)
    {
        const string Break = "<br>";
        var text = html.AsSpan().Trim();
        while (text.StartsWith(Break, StringComparison.Ordinal))
        {
            text = text[Break.Length..].TrimStart();
        }
        while (text.EndsWith(Break, StringComparison.Ordinal))
        {
            text = text[..^Break.Length].TrimEnd();
        }
        return text.ToString();
    }

    /// <summary>
    /// A div (or the like) holding text and inline elements only is a paragraph: the sanitiser would unwrap it into
    /// bare text run together with its neighbours.
    /// </summary>
    private static bool IsParagraph(IElement element)
    {
        if (!TextWrappers.Match(element, null))
        {
            return false;
        }
        var text = false;
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement inner && (BodyTextRenderer.IsBlock(inner.TagName) || inner.TagName is "IMG"))
            {
                return false;
            }
            text |= child is IText { Data: var data } && !string.IsNullOrWhiteSpace(data);
        }
        return text;
    }

    private static void UseLazySource(IElement image)
    {
        var src = image.GetAttribute("src");
        if (!string.IsNullOrWhiteSpace(src) && !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        foreach (var name in LazySources)
        {
            if (image.GetAttribute(name) is { Length: > 0 } lazy)
            {
                image.SetAttribute("src", lazy);
                return;
            }
        }
    }
}

using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// The selectors the parser asks of elements again and again, parsed once. QuerySelector(string) looks its text up in
/// AngleSharp's selector cache behind a lock on every call: about 5% of a parse's samples, most of them in the lock.
/// The selectors are immutable, so sharing them between parsers and threads is safe.
/// </summary>
internal static class PreparsedSelectors
{
    public static readonly ISelector Any = Parse("*");
    public static readonly ISelector Anchors = Parse("a");
    public static readonly ISelector Links = Parse("a[href]");
    public static readonly ISelector Lists = Parse("ul, ol");
    public static readonly ISelector H1 = Parse("h1");
    public static readonly ISelector Paragraphs = Parse("p");
    public static readonly ISelector Article = Parse("article");
    public static readonly ISelector ArticleBody = Parse("[itemprop=articleBody], [itemprop=articlebody]");
    public static readonly ISelector LeadInHeader = Parse("[class*=lead], [class*=intro], [class*=teaser], [class*=standfirst]");
    public static readonly ISelector SubHeadings = Parse("h2, h3, h4, h5");
    public static readonly ISelector ImageOrTable = Parse("img, table");
    public static readonly ISelector Meta = Parse("meta");
    public static readonly ISelector ItempropOrClass = Parse("[itemprop], [class]");
    public static readonly ISelector RubyAnnotations = Parse("rt, rp");
    public static readonly ISelector Figure = Parse("figure");
    public static readonly ISelector FigureCaption = Parse("figcaption");
    public static readonly ISelector Images = Parse("img");
    public static readonly ISelector Title = Parse("title");
    public static readonly ISelector Canonical = Parse("link[rel=canonical]");

    /// <summary>
    /// As element.QuerySelector: the first match among the node's descendants in document order, or null. Iterative,
    /// unlike AngleSharp's own walk for a selector object: pages nest thousands of levels deep.
    /// </summary>
    public static IElement? First(INode root, ISelector selector)
    {
        var nodes = new DescendantNodes(root);
        while (nodes.MoveNext(out var node))
        {
            if (node is IElement element && selector.Match(element, null))
            {
                return element;
            }
        }
        return null;
    }

    /// <summary>As element.QuerySelectorAll: every match among the node's descendants in document order.</summary>
    public static IHtmlCollection<IElement> All(INode root, ISelector selector) => root.ChildNodes.QuerySelectorAll(selector);

    /// <summary>As element.Closest: the element itself or its nearest ancestor that matches, or null.</summary>
    public static IElement? Closest(IElement element, ISelector selector)
    {
        for (IElement? current = element; current is not null; current = current.ParentElement)
        {
            if (selector.Match(current, null))
            {
                return current;
            }
        }
        return null;
    }

    /// <summary>For a selector that only one stage asks: kept beside the rule that uses it.</summary>
    public static ISelector Parse(string text) => new CssSelectorParser().ParseSelector(text) ?? throw new ArgumentException("Not a selector: " + text, nameof(text));
}

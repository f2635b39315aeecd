using System.Buffers;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// One walk over a document collecting what date extraction needs: JSON-LD blocks, meta tags,
/// itemprop and time elements, date-labelled elements, the article title, and which elements
/// sit inside related-news lists, comments, footers and sidebars.
/// </summary>
internal sealed class DatePageScan
{
    private static readonly SearchValues<string> ExcludingWords = SearchValues.Create(
    [
        "related", "comment", "footer", "sidebar", "aside", "widget", "popular", "also", "news-list", "newslist",
        "news_list", "similar", "recommend", "copyright",
    ], StringComparison.Ordinal);

    private static readonly SearchValues<string> DateHintWords = SearchValues.Create(
    [
        "date", "time", "pubdate", "published", "meta", "info", "posted", "byline", "datum", "author", "submitted",
    ], StringComparison.Ordinal);

    /// <summary>Words that label a publication date in running text: "Veröffentlicht am 16.08.2019", "Дата: 11.03.2026".</summary>
    private static readonly string[] DateLabelWords =
    [
        "опубликовано", "дата публикации", "дата:", "опубліковано", "veröffentlicht", "erschienen", "erstellt am",
        "datum:", "published", "posted on", "date:", "publié", "mise en ligne", "publicado", "pubblicato",
    ];

    /// <summary>Parts of an article that share a name with page chrome: an article's own footer holds its date.</summary>
    private static readonly SearchValues<string> ArticlePartWords = SearchValues.Create(["footer", "aside"], StringComparison.Ordinal);

    private static readonly SearchValues<string> ListWords = SearchValues.Create(
    [
        "related", "comment", "popular", "also", "news-list", "newslist", "news_list", "similar", "recommend",
    ], StringComparison.Ordinal);

    private static readonly SearchValues<string> LayoutWords = SearchValues.Create(["sidebar", "widget", "footer", "aside"], StringComparison.Ordinal);

    /// <summary>Column names that some templates also give the block beside the article's title.</summary>
    private static readonly SearchValues<string> SoftLayoutWords = SearchValues.Create(["sidebar", "widget", "aside"], StringComparison.Ordinal);

    /// <summary>Class vocabulary of an article title set in h2 or h3 when the page has no h1 for it.</summary>
    private static readonly SearchValues<string> TitleWords = SearchValues.Create(
    [
        "post-title", "entry-title", "article-title", "news-title", "story-title", "posttitle", "entrytitle", "headline", "article__title",
    ], StringComparison.Ordinal);

    /// <summary>Words that caption a date when they are an element's whole text.</summary>
    private static readonly string[] DateCaptionWords =
    [
        "дата", "date", "datum", "published", "posted", "veröffentlicht", "veröffentlicht am", "erschienen am", "erstellt am",
        "опубликовано", "опубліковано", "mise en ligne", "publié le", "publicado", "pubblicato",
    ];

    // Every label and caption in one search: most text nodes hold none, and thirty IndexOf calls each cost more.
    private static readonly SearchValues<string> AnyLabelWord =
        SearchValues.Create([.. DateLabelWords, .. DateCaptionWords], StringComparison.OrdinalIgnoreCase);

    /// <summary>Captions of lists of other stories.</summary>
    private static readonly SearchValues<string> RelatedCaptions = SearchValues.Create(
    [
        "по теме", "читайте также", "смотрите также", "читайте еще", "читайте ещё", "похожие новости", "похожие статьи",
        "другие новости", "новости за", "последние новости", "популярное", "самое читаемое", "читайте також", "новини за",
        "related", "see also", "read also", "read more", "more news", "more stories", "you may also like", "recommended",
        "mehr zum thema", "weitere artikel", "weitere meldungen", "das könnte sie auch interessieren", "auch interessant",
        "lesen sie auch", "ähnliche artikel", "meistgelesen",
    ], StringComparison.OrdinalIgnoreCase);

    private const int MaxCaptionLength = 60;

    private const int SmallFooterSize = 25;

    // An "excluding" container this large is a layout wrapper (a Blogger "widget Blog"), not a side list.
    private const double LayoutShare = 0.3;

    private readonly List<IElement> _elements = [];
    private readonly List<int> _excludedBy = [];
    private readonly List<int> _paragraphOf = [];
    private readonly List<int> _parents = [];
    private readonly List<int> _siteHeaderOf = [];
    private readonly HashSet<int> _anchorAncestors = [];

    /// <summary>Page headers that show the article's title (themes that set the title and its date above the body).</summary>
    private readonly HashSet<int> _titledSiteHeaders = [];
    private readonly Dictionary<int, int> _exclusionParents = [];
    private readonly HashSet<int> _ignoredRoots = [];
    private readonly HashSet<int> _listRoots = [];
    private readonly HashSet<int> _softRoots = [];
    private readonly List<int> _relatedHeadings = [];
    private bool[]? _relatedBlock;
    private int _anchorScore = int.MinValue;

    private readonly string _titleKey;

    /// <param name="title">The title the parser chose: the heading that shows it anchors the search for a date line.</param>
    public DatePageScan(IDocument document, string? title = null)
    {
        _titleKey = title is null ? "" : TitleChooser.Key(title);
        if (document.DocumentElement is { } documentElement)
        {
            Walk(documentElement);
        }

        for (var root = Anchor >= 0 ? _excludedBy[Anchor] : -1; root >= 0; root = _exclusionParents[root])
        {
            _ignoredRoots.Add(root);
        }

        for (var ancestor = Anchor; ancestor >= 0; ancestor = _parents[ancestor])
        {
            _anchorAncestors.Add(ancestor);
        }

        var sizes = SubtreeSizes();
        IgnoreLayoutRoots(sizes);
        MarkRelatedBlocks(sizes);
    }

    public List<string> JsonLdBlocks { get; } = [];

    public List<MetaEntry> Metas { get; } = [];

    public List<int> ItempropElements { get; } = [];

    public List<int> TimeElements { get; } = [];

    public List<int> HintedElements { get; } = [];

    public List<int> LabelledElements { get; } = [];

    /// <summary>Index of the article's title (its h1, as a rule), or -1.</summary>
    public int Anchor { get; private set; } = -1;

    public int Count => _elements.Count;

    public IElement this[int index] => _elements[index];

    /// <summary>
    /// Inside a related list, comments, footer or sidebar. An excluding container that also
    /// holds the title ("content-sidebar-wrap") does not count: the article is in it.
    /// </summary>
    public bool IsExcluded(int index) => ExcludingRoot(index) >= 0 || (_relatedBlock is not null && _relatedBlock[index]);

    /// <summary>
    /// Inside a list of other stories or comments, as opposed to a column merely named
    /// sidebar, widget or footer, which some templates wrap around the article's own date.
    /// </summary>
    public bool IsInList(int index)
    {
        if (_relatedBlock is not null && _relatedBlock[index])
        {
            return true;
        }

        for (var root = _excludedBy[index]; root >= 0; root = _exclusionParents[root])
        {
            if (!_ignoredRoots.Contains(root) && _listRoots.Contains(root))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Excluded by a footer, navigation, list or comments, not merely by a column named
    /// sidebar or widget.
    /// </summary>
    public bool IsExcludedHard(int index)
    {
        if (_relatedBlock is not null && _relatedBlock[index])
        {
            return true;
        }

        for (var root = _excludedBy[index]; root >= 0; root = _exclusionParents[root])
        {
            if (!_ignoredRoots.Contains(root) && !_softRoots.Contains(root))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost container that excludes the element, or -1.</summary>
    public int ExcludingRoot(int index)
    {
        for (var root = _excludedBy[index]; root >= 0; root = _exclusionParents[root])
        {
            if (!_ignoredRoots.Contains(root))
            {
                return root;
            }
        }

        return -1;
    }

    /// <summary>
    /// Inside the page's masthead: a header outside the article. A header that holds the title
    /// is the article's own, whatever its markup.
    /// </summary>
    public bool IsInSiteHeader(int index) =>
        Anchor >= 0 && _siteHeaderOf[index] >= 0 && !_anchorAncestors.Contains(_siteHeaderOf[index]) && !_titledSiteHeaders.Contains(_siteHeaderOf[index]);

    /// <summary>The nearest enclosing paragraph, or null.</summary>
    public IElement? ParagraphOf(int index) => _paragraphOf[index] >= 0 ? _elements[_paragraphOf[index]] : null;

    private void Walk(IElement root)
    {
        var stack = new Stack<DateScanFrame>();
        stack.Push(new DateScanFrame(root, -1, -1, -1, false, -1));
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            var element = frame.Element;
            var name = element.LocalName;
            if (name == "script")
            {
                if (element.GetAttribute("type")?.Contains("ld+json", StringComparison.OrdinalIgnoreCase) == true)
                {
                    JsonLdBlocks.Add(element.TextContent);
                }

                continue;
            }

            if (name is "style" or "template" or "noscript" or "svg")
            {
                continue;
            }

            var index = _elements.Count;
            _elements.Add(element);
            var classAndId = ClassAndId(element, name);
            _parents.Add(frame.Parent);
            var excludedBy = frame.ExcludedBy;
            if (IsExcluding(name, classAndId, frame.InArticle))
            {
                _exclusionParents[index] = excludedBy;
                excludedBy = index;
                if (ContainsAny(classAndId, ListWords) && !ContainsAny(classAndId, LayoutWords))
                {
                    _listRoots.Add(index);
                }
                else if (name is not ("footer" or "nav" or "aside") && ContainsAny(classAndId, SoftLayoutWords)
                    && !classAndId.Contains("footer", StringComparison.Ordinal))
                {
                    _softRoots.Add(index);
                }
            }

            _excludedBy.Add(excludedBy);
            var paragraph = name == "p" ? index : frame.Paragraph;
            _paragraphOf.Add(paragraph);
            var inArticle = frame.InArticle || name is "article" or "main" || IsArticleItem(element);
            var siteHeader = !inArticle && IsSiteHeader(name, classAndId) ? index : frame.SiteHeader;
            _siteHeaderOf.Add(siteHeader);
            Collect(element, name, classAndId, index, excludedBy >= 0, inArticle, siteHeader >= 0);

            // By index: AngleSharp's sibling links search the parent's list, quadratic on wide pages.
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    stack.Push(new DateScanFrame(child, index, excludedBy, paragraph, inArticle, siteHeader));
                }
            }
        }
    }

    private void Collect(IElement element, string name, string classAndId, int index, bool excluded, bool inArticle, bool inSiteHeader)
    {
        if (name == "meta")
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name")
                ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var content = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(content))
            {
                Metas.Add(new MetaEntry(key.Trim().ToLowerInvariant(), content, index));
            }

            return;
        }

        var itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null && (itemprop.Contains("datePublished", StringComparison.OrdinalIgnoreCase)
            || itemprop.Contains("dateCreated", StringComparison.OrdinalIgnoreCase)
            || itemprop.Contains("dateModified", StringComparison.OrdinalIgnoreCase)))
        {
            ItempropElements.Add(index);
        }

        if (name == "time")
        {
            TimeElements.Add(index);
        }
        else if (classAndId.Length > 0 && ContainsAny(classAndId, DateHintWords))
        {
            HintedElements.Add(index);
        }

        if (HasLabelledText(element))
        {
            LabelledElements.Add(index);
        }

        if (name is "h2" or "h3" or "h4" or "h5" or "h6" or "p" or "div" or "span" or "strong" or "b" && IsRelatedCaption(element))
        {
            _relatedHeadings.Add(index);
        }

        var isHeadline = itemprop?.Contains("headline", StringComparison.OrdinalIgnoreCase) == true;
        var showsTitle = name is "h1" or "h2" or "h3" && _titleKey.Length > 0 && TitleChooser.Key(BodyTextRenderer.Inline(element)) == _titleKey;
        if (showsTitle && inSiteHeader)
        {
            _titledSiteHeaders.Add(_siteHeaderOf[index]);
        }
        if (name == "h1" || isHeadline || showsTitle || (name is "h2" or "h3" && (ContainsAny(classAndId, TitleWords) || HasToken(classAndId, "title"))))
        {
            OfferAnchor(element, index, name, classAndId, excluded, inArticle || (!inSiteHeader && isHeadline), inSiteHeader, isHeadline, showsTitle);
        }
    }

    // The article's own title: an h1 in <article> or with title vocabulary beats a logo h1.
    private void OfferAnchor(IElement element, int index, string name, string classAndId, bool excluded, bool inArticle, bool inSiteHeader, bool isHeadline, bool showsTitle)
    {
        var score = name == "h1" || isHeadline ? 10 : 6;
        // Blog themes set the site name as h1 and the post's title as h2: the chosen title points at the right one.
        score += showsTitle ? 8 : 0;
        score += inArticle ? 5 : 0;
        score += isHeadline || classAndId.Contains("title", StringComparison.Ordinal) || classAndId.Contains("headline", StringComparison.Ordinal) ? 3 : 0;
        score -= IsLogo(element, classAndId) ? 8 : 0;
        score -= inSiteHeader ? 2 : 0;
        score -= excluded ? 3 : 0;
        if (score > _anchorScore)
        {
            _anchorScore = score;
            Anchor = index;
        }
    }

    // A site name set as a heading: logo vocabulary, or a link to the home page.
    private static bool IsLogo(IElement heading, string classAndId)
    {
        if (classAndId.Contains("logo", StringComparison.Ordinal) || classAndId.Contains("site-", StringComparison.Ordinal)
            || classAndId.Contains("brand", StringComparison.Ordinal))
        {
            return true;
        }

        var href = PreparsedSelectors.First(heading, PreparsedSelectors.Links)?.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href))
        {
            return false;
        }

        return href is "/" or "./" || (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0);
    }

    private static string ClassAndId(IElement element, string name)
    {
        // Body and html classes describe the page layout ("sidebar-left"), not a block.
        if (name is "html" or "body")
        {
            return string.Empty;
        }

        var className = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (className is null && id is null)
        {
            return string.Empty;
        }

        return string.Concat(className, " ", id).ToLowerInvariant();
    }

    // A date element's own class ("news-list-date") names what it holds, not a list around it;
    // an aside inside the article is its info box more often than a list of other stories.
    private static bool IsExcluding(string name, string classAndId, bool inArticle)
    {
        if (name == "nav" || (name is "footer" or "aside" && !inArticle))
        {
            return true;
        }

        if (classAndId.Length == 0 || ContainsAny(classAndId, DateHintWords))
        {
            return false;
        }

        return ContainsAny(classAndId, ExcludingWords)
            && !(inArticle && ContainsAny(classAndId, ArticlePartWords) && !ContainsAny(classAndId, ListWords)
                && !classAndId.Contains("sidebar", StringComparison.Ordinal) && !classAndId.Contains("widget", StringComparison.Ordinal));
    }

    // The page's masthead: a logo h1 there is not the article's title.
    private static bool IsSiteHeader(string name, string classAndId)
    {
        if (name == "header")
        {
            return true;
        }

        if (classAndId.Length == 0)
        {
            return false;
        }

        // Token by token without splitting (a string array per element was 5% of a parse): the words hold no
        // space, so they are in a token when they are in the string, and a token starts at 0 or after a space.
        return classAndId.StartsWith("header", StringComparison.Ordinal) || classAndId.Contains(" header", StringComparison.Ordinal)
            || classAndId.Contains("masthead", StringComparison.Ordinal) || classAndId.Contains("site-header", StringComparison.Ordinal)
            || classAndId.Contains("branding", StringComparison.Ordinal);
    }

    private static bool IsArticleItem(IElement element)
    {
        var type = element.GetAttribute("itemtype");
        return type is not null && (type.EndsWith("Article", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("BlogPosting", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsRelatedCaption(IElement element)
    {
        var own = ElementText.Own(element, MaxCaptionLength);
        if (own.Length is 0 or > MaxCaptionLength)
        {
            return false;
        }

        return own.AsSpan().ContainsAny(RelatedCaptions);
    }

    private static bool HasLabelledText(IElement element)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node is not IText text || text.Data.Length > 300 || !text.Data.AsSpan().ContainsAny(AnyLabelWord))
            {
                continue;
            }

            if (LabelPosition(text.Data) >= 0)
            {
                return true;
            }

            // A caption alone in its element: "<strong>Date</strong> 23.05.2011".
            var caption = text.Data.AsSpan().Trim().TrimEnd(':').TrimEnd();
            foreach (var label in DateCaptionWords)
            {
                if (caption.Equals(label, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Pre-order indexes: every element comes after its parent, and its subtree is the next
    // sizes[i] indexes; one backward pass sums them.
    private int[] SubtreeSizes()
    {
        var sizes = new int[_elements.Count];
        for (var i = sizes.Length - 1; i >= 0; i--)
        {
            sizes[i]++;
            if (_parents[i] >= 0)
            {
                sizes[_parents[i]] += sizes[i];
            }
        }

        return sizes;
    }

    /// <summary>
    /// Marks what follows a "Новости по теме" / "Read also" caption, up to the next heading, as a
    /// list of other stories even when no class says so. A caption with nothing after it in its
    /// own parent (wrapped in a div) speaks for its parent's next siblings.
    /// </summary>
    private void MarkRelatedBlocks(int[] sizes)
    {
        foreach (var heading in _relatedHeadings)
        {
            var target = heading;
            if (target + sizes[target] >= sizes.Length || _parents[target + sizes[target]] != _parents[target])
            {
                target = _parents[target];
                if (target < 0)
                {
                    continue;
                }
            }

            for (var sibling = target + sizes[target];
                sibling < sizes.Length && _parents[sibling] == _parents[target];
                sibling += sizes[sibling])
            {
                var end = sibling + sizes[sibling];
                if (_elements[sibling].LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" || (Anchor >= sibling && Anchor < end))
                {
                    break;
                }

                _relatedBlock ??= new bool[sizes.Length];
                Array.Fill(_relatedBlock, true, sibling, sizes[sibling]);
            }
        }
    }

    private void IgnoreLayoutRoots(int[] sizes)
    {
        foreach (var root in _exclusionParents.Keys)
        {
            // A small block named "footer" (not the footer element) under a teaser's or
            // article's heading is that item's footer: its date line, categories.
            if (sizes[root] <= SmallFooterSize && _elements[root].LocalName != "footer" && !_listRoots.Contains(root)
                && ClassAndId(_elements[root], _elements[root].LocalName).Contains("footer", StringComparison.Ordinal))
            {
                _softRoots.Add(root);
            }

            if (sizes[root] > LayoutShare * sizes.Length)
            {
                _ignoredRoots.Add(root);
            }
        }
    }

    private static bool HasToken(string classAndId, string token)
    {
        foreach (var range in classAndId.AsSpan().Split(' '))
        {
            if (classAndId.AsSpan(range).SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the first date label or caption starts in the text, or -1, so that a line such as
    /// "Letzte Änderung: 31.10.2023 Erschienen am: 01.11.2023" is read from its label on.
    /// </summary>
    public static int LabelPosition(string text)
    {
        if (!text.AsSpan().ContainsAny(AnyLabelWord))
        {
            return -1;
        }

        var first = -1;
        foreach (var label in DateLabelWords)
        {
            var at = WordPosition(text, label);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        if (first < 0)
        {
            foreach (var caption in DateCaptionWords)
            {
                var at = WordPosition(text, caption);
                if (at >= 0 && (first < 0 || at < first))
                {
                    first = at;
                }
            }
        }

        return first;
    }

    // Whole words only: "Update:" must not read as "date:", nor "Datenschutz" as "Date".
    private static int WordPosition(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1]))
                && (end == text.Length || !char.IsLetter(word[^1]) || !char.IsLetter(text[end])))
            {
                return at;
            }

            at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase);
        }

        return -1;
    }

    // One vectorised search for all the words: up to thirty IndexOf calls per named element were a sixth of the date walk.
    private static bool ContainsAny(string text, SearchValues<string> words) => text.AsSpan().ContainsAny(words);
}

using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// Picks the element holding the article text: structured hints and body vocabulary first,
/// then Readability-style scoring of paragraph-like blocks, then a plain paragraph baseline.
/// </summary>
internal static class ContentExtractor
{
    private const int MinParagraphLength = 25;

    private static readonly ISelector Pictures = PreparsedSelectors.Parse("img, picture");
    private static readonly ISelector Captions = PreparsedSelectors.Parse("figcaption, [class*=caption]");
    private static readonly ISelector NamedLeadBlocks = PreparsedSelectors.Parse("p[class], div[class], h2[class]");
    private static readonly ISelector BodyHints = PreparsedSelectors.Parse("[itemprop=articleBody], [itemprop=articlebody], article, main, [class], [id]");
    private static readonly ISelector ScoredBlocks = PreparsedSelectors.Parse("p, pre, td, blockquote, li, div, h2, h3, section, article, font, span");

    public static IReadOnlyList<IElement> FindBody(IDocument document, TextStats stats)
    {
        var body = document.Body;
        if (body is null)
        {
            return [];
        }

        var scores = ScoreBlocks(body, stats);
        var scored = FullerRival(scores, BestScored(scores), stats);
        var semantic = BestSemantic(body, stats);

        IElement? winner;
        if (semantic is not null && (scored is null || stats.Text(semantic) >= stats.Text(scored) * 0.5 || semantic.Contains(scored)))
        {
            winner = semantic;
        }
        else
        {
            winner = scored;
        }
        if (winner is null)
        {
            return [];
        }

        var result = new List<IElement> { winner };
        if (winner != semantic && winner.ParentElement is not null)
        {
            // Siblings that score close to the winner belong to the same article (split containers).
            var threshold = Math.Max(10, scores.GetValueOrDefault(winner) * 0.2);
            var anchor = SoleContentAncestor(winner, stats);
            var parent = anchor.ParentElement!;
            result.Clear();
            foreach (var sibling in parent.Children)
            {
                if (sibling == anchor || scores.GetValueOrDefault(sibling) >= threshold || IsTwinWithText(sibling, anchor, stats)
                    || (sibling.TagName == "P" && stats.LinkDensity(sibling) < 0.25 && stats.Text(sibling) > 80))
                {
                    result.Add(sibling);
                }
                else
                {
                    AddFigures(sibling, stats, result, result.Contains(anchor));
                }
            }
            if (FindLead(winner, stats) is { } lead && !result.Any(r => r.Contains(lead)))
            {
                result.Insert(0, lead);
            }
        }
        else if (winner.ParentElement is { } parent2)
        {
            result = WithLeadAndFigures(winner, parent2, stats);
        }
        return result;
    }

    /// <summary>
    /// The page's description shown as a block of its own before the body (a standfirst without a telling class) opens
    /// the body. Sites that repeat the description as the first paragraph already have it.
    /// </summary>
    public static IReadOnlyList<IElement> WithShownLead(IReadOnlyList<IElement> roots, string? description, PageElements elements, TextStats stats)
    {
        const int MinLeadLength = 40;
        var key = TitleChooser.Key(description).TrimEnd('.', '…', ' ');
        if (roots.Count == 0 || key.Length < MinLeadLength)
        {
            return roots;
        }
        var first = roots[0];
        for (var i = elements.BodyStart; i < elements.BodyEnd; i++)
        {
            var candidate = elements.All[i];
            if (candidate == first || first.Contains(candidate))
            {
                // Past the body's start: a lead comes before it.
                break;
            }
            var length = stats.Text(candidate);
            if (length < key.Length * 0.8 || length > key.Length * 1.1 + 10 || candidate.TagName is not ("P" or "DIV" or "SPAN" or "SECTION")
                || candidate.Contains(first) || !PageElements.IsInDocument(candidate) || !TitleChooser.Key(BodyTextRenderer.Inline(candidate)).StartsWith(key, StringComparison.Ordinal))
            {
                continue;
            }
            var opening = key[..MinLeadLength];
            return roots.Any(root => TitleChooser.Key(DescendantTexts.Join(root)).Contains(opening, StringComparison.Ordinal)) ? roots : [candidate, .. roots];
        }
        return roots;
    }

    /// <summary>
    /// The outermost wrapper that holds nothing but the winner: page builders put each text block of an article
    /// in its own module ("editorial-module > div.text > div.text-text"), and the other modules are the wrapper's siblings.
    /// </summary>
    private static IElement SoleContentAncestor(IElement winner, TextStats stats)
    {
        var anchor = winner;
        // Table cells stay where they are: a cell without its table is no body to render.
        for (var level = 0; level < 3 && anchor.ParentElement is { TagName: not ("BODY" or "TD" or "TH" or "TR" or "TBODY" or "TABLE") } parent; level++)
        {
            if (stats.Text(parent) > stats.Text(winner) + 40)
            {
                break;
            }
            anchor = parent;
        }
        return anchor;
    }

    /// <summary>A sibling built from the same template as the body's block (same tag and classes) that holds prose.</summary>
    private static bool IsTwinWithText(IElement sibling, IElement anchor, TextStats stats)
    {
        if (sibling.TagName != anchor.TagName || string.IsNullOrEmpty(anchor.ClassName)
            || !string.Equals(sibling.ClassName, anchor.ClassName, StringComparison.Ordinal))
        {
            return false;
        }
        var own = stats[sibling];
        return own.ParagraphText >= 100 && own.LinkDensity < 0.25;
    }

    /// <summary>
    /// The body container's siblings that are still the article: the lead or standfirst that
    /// templates put in its own block before the text (Bitrix .news-preview-text before
    /// .news-detail-text, p.lead in an article header), and captioned pictures right after it.
    /// </summary>
    private static List<IElement> WithLeadAndFigures(IElement winner, IElement parent, TextStats stats)
    {
        var result = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == winner)
            {
                result.Add(sibling);
                continue;
            }
            AddFigures(sibling, stats, result, result.Contains(winner));
        }
        if (FindLead(winner, stats) is { } lead && !result.Contains(lead))
        {
            result.Insert(0, lead);
        }
        return result;
    }

    /// <summary>
    /// A captioned picture after the text, or the captioned figures of a gallery without its navigation.
    /// A single picture before the text is the page's header image, whose caption is usually a credit.
    /// </summary>
    private static void AddFigures(IElement sibling, TextStats stats, List<IElement> result, bool afterText)
    {
        var own = stats[sibling];
        if (own.Text == 0 || own.Text > 3000 || own.LinkDensity > 0.3)
        {
            return;
        }
        if (!afterText)
        {
            var gallery = PreparsedSelectors.All(sibling, PreparsedSelectors.Figure).Where(f => PreparsedSelectors.First(f, PreparsedSelectors.FigureCaption) is not null && stats.LinkDensity(f) < 0.3).ToList();
            if (gallery.Count >= 2)
            {
                result.AddRange(gallery);
            }
            return;
        }
        if (sibling.TagName == "FIGURE" || (own.Text < 300 && PreparsedSelectors.First(sibling, Pictures) is not null
            && PreparsedSelectors.First(sibling, Captions) is not null && PreparsedSelectors.First(sibling, PreparsedSelectors.Figure) is null))
        {
            result.Add(sibling);
            return;
        }
        foreach (var figure in PreparsedSelectors.All(sibling, PreparsedSelectors.Figure))
        {
            if (PreparsedSelectors.First(figure, PreparsedSelectors.FigureCaption) is not null && stats.LinkDensity(figure) < 0.3)
            {
                result.Add(figure);
            }
        }
    }

    /// <summary>The nearest lead-named block before the body, looking a few levels up.</summary>
    private static IElement? FindLead(IElement winner, TextStats stats)
    {
        var node = winner;
        for (var level = 0; level < 4 && node is not null && node.TagName != "BODY"; level++, node = node.ParentElement)
        {
            var checkedSiblings = 0;
            for (var sibling = node.PreviousElementSibling; sibling is not null && checkedSiblings < 6; sibling = sibling.PreviousElementSibling, checkedSiblings++)
            {
                var own = stats[sibling];
                if (own.Text == 0 || own.Text > 2000)
                {
                    continue;
                }
                if (IsLead(sibling, stats))
                {
                    return sibling;
                }
                foreach (var inner in PreparsedSelectors.All(sibling, NamedLeadBlocks))
                {
                    if (IsLead(inner, stats))
                    {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    private static bool IsLead(IElement element, TextStats stats)
    {
        var own = stats[element];
        var names = LinkListExtractor.ClassAndId(element);
        return own.Text >= 30 && own.LinkDensity < 0.3 && Vocabulary.LeadClass().IsMatch(names) && !Vocabulary.NegativeClass().IsMatch(names);
    }

    private static IElement? BestSemantic(IElement body, TextStats stats)
    {
        IElement? best = null;
        var bestLength = 0;
        foreach (var element in PreparsedSelectors.All(body, BodyHints))
        {
            var strong = element.GetAttribute("itemprop")?.Equals("articleBody", StringComparison.OrdinalIgnoreCase) == true
                || Vocabulary.BodyClass().IsMatch(LinkListExtractor.ClassAndId(element));
            if (!strong && element.TagName is not ("ARTICLE" or "MAIN"))
            {
                continue;
            }
            var length = ParagraphTextLength(element, stats);
            if (length < 150 || stats.LinkDensity(element) > 0.5)
            {
                continue;
            }
            // <article>/<main> are weaker hints: they often wrap comments or whole pages.
            var weight = strong ? 1.0 : 0.7;
            var effective = (int)(length * weight);
            if (effective > bestLength || (best is not null && best.Contains(element) && length >= ParagraphTextLength(best, stats) * 0.85))
            {
                best = element;
                bestLength = Math.Max(effective, bestLength);
            }
        }
        return best;
    }

    private static Dictionary<IElement, double> ScoreBlocks(IElement body, TextStats stats)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var block in PreparsedSelectors.All(body, ScoredBlocks))
        {
            var text = block.TagName is "DIV" or "SECTION" or "ARTICLE" or "TD" or "FONT" or "SPAN" ? OwnText(block) : BodyTextRenderer.Inline(block);
            if (text.Length < MinParagraphLength)
            {
                continue;
            }
            if (block.TagName == "LI" && stats.LinkDensity(block) > 0.5)
            {
                continue;
            }
            var score = 1.0 + CountCommas(text) + Math.Min(text.Length / 100.0, 3.0);
            var ancestor = block.TagName is "DIV" or "SECTION" or "ARTICLE" or "TD" ? block : block.ParentElement;
            var divider = 1.0;
            for (var level = 0; ancestor is not null && ancestor.TagName != "BODY" && level < 3; level++)
            {
                scores[ancestor] = scores.GetValueOrDefault(ancestor) + score / divider;
                divider = level == 0 ? 2 : divider * 1.5;
                ancestor = ancestor.ParentElement;
            }
        }
        foreach (var element in scores.Keys.ToArray())
        {
            var names = LinkListExtractor.ClassAndId(element);
            var weight = 0.0;
            if (names.Length > 0)
            {
                if (Vocabulary.PositiveClass().IsMatch(names))
                {
                    weight += 25;
                }
                if (Vocabulary.IsNegative(names))
                {
                    weight -= 25;
                }
            }
            scores[element] = (scores[element] + weight) * (1 - stats.LinkDensity(element));
        }
        return scores;
    }

    private static IElement? BestScored(Dictionary<IElement, double> scores)
    {
        IElement? best = null;
        var bestScore = double.MinValue;
        foreach (var (element, score) in scores)
        {
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>
    /// A block scoring close to the best with several times its text: a class-name bonus can lift a short
    /// teaser ("panel-body", "content") above an article whose wrapper has no telling name.
    /// </summary>
    private static IElement? FullerRival(Dictionary<IElement, double> scores, IElement? best, TextStats stats)
    {
        if (best is null)
        {
            return null;
        }
        var bestScore = scores[best];
        var bestText = stats.Text(best);
        var winner = best;
        foreach (var (element, score) in scores)
        {
            if (score < bestScore * 0.35 || element == best || element.Contains(best) || best.Contains(element))
            {
                continue;
            }
            var own = stats[element];
            if (own.Text >= bestText * 3 && own.Text > stats.Text(winner) && own.LinkDensity < 0.25)
            {
                winner = element;
            }
        }
        return winner;
    }

    /// <summary>Text directly inside the element, not in child blocks: Bitrix detail_text is often bare text with &lt;br&gt;.</summary>
    private static string OwnText(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                builder.Append(text.Data);
            }
            else if (child is IElement inline && inline.TagName is "A" or "B" or "STRONG" or "I" or "EM" or "SPAN" or "FONT" or "U" or "SUB" or "SUP" or "Q" or "ABBR" or "MARK" or "SMALL" or "BIG" or "CITE")
            {
                builder.Append(DescendantTexts.Join(inline));
            }
            else if (child is IElement { TagName: "BR" })
            {
                builder.Append(' ');
            }
        }
        return BodyTextRenderer.Collapse(builder.ToString());
    }

    private static int CountCommas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '，' or '、')
            {
                count++;
            }
        }
        return count;
    }

    private static int ParagraphTextLength(IElement element, TextStats stats) => Math.Max(stats[element].ParagraphText, OwnText(element).Length);
}

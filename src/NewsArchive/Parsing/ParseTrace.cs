using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// Which elements the generic extractor chose on one page, for <see cref="ProfileSuggester"/>. Every element of the
/// page is numbered before extraction starts, so that a choice can be found again in an untouched copy of the page
/// (extraction removes lists and chrome as it goes).
/// </summary>
internal sealed class ParseTrace
{
    public const string NumberAttribute = "data-newsarchive-n";

    public IReadOnlyList<IElement> Body { get; set; } = [];

    /// <summary>The containers of the link lists the generic extractor found, with their kind.</summary>
    public List<(LinkKind Kind, IElement Container)> Lists { get; } = [];

    /// <summary>Numbers the elements in document order; two parses of the same HTML get the same numbers.</summary>
    public static void Number(IDocument document)
    {
        var n = 0;
        foreach (var element in document.All)
        {
            element.SetAttribute(NumberAttribute, n++.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

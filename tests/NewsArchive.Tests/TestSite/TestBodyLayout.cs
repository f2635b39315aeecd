namespace NewsArchive.Tests.TestSite;

/// <summary>How the body paragraphs are marked up inside <c>div.news-detail-text</c>.</summary>
public enum TestBodyLayout
{
    /// <summary>One <c>&lt;p&gt;</c> per paragraph.</summary>
    Paragraphs,

    /// <summary>Bare text separated by <c>&lt;br /&gt;&lt;br /&gt;</c>, the way Bitrix DETAIL_TEXT often is.</summary>
    LineBreaks,
}

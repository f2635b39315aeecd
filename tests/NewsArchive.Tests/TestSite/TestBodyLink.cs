namespace NewsArchive.Tests.TestSite;

/// <summary>
/// A link inside the article body: the first occurrence of <paramref name="Text"/> in a body paragraph
/// is rendered as <c>&lt;a href="Href"&gt;Text&lt;/a&gt;</c>. The paragraph's text content is unchanged.
/// </summary>
/// <param name="Text">Exact substring of one of the body paragraphs.</param>
/// <param name="Href">Site-relative path (another article, a private page) or an absolute external URL.</param>
public sealed record TestBodyLink(string Text, string Href);

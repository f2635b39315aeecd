using NewsArchive.Crawling;
using Xunit.Sdk;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>What must hold for any URL or href the canonicaliser is given; shared by the properties and the corpus.</summary>
internal static class UrlInvariants
{
    public static readonly Uri Base = new("https://www.abreview.ru/ab/news/rynok/");

    public static void Check(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            CheckNormalize(url);
        }

        var resolved = UrlNormalizer.Resolve(Base, text);
        if (resolved is null)
        {
            return;
        }

        Require(resolved.IsAbsoluteUri && resolved.Scheme is "http" or "https", $"Resolve gave a non-web URL {resolved}");
        Require(resolved.Fragment.Length == 0 && !resolved.AbsoluteUri.Contains('#', StringComparison.Ordinal), $"Resolve kept a fragment: {resolved.AbsoluteUri}");
        CheckNormalize(resolved);
    }

    private static void CheckNormalize(Uri url)
    {
        var web = url.Scheme is "http" or "https";
        var once = UrlNormalizer.Normalize(url);
        if (!web)
        {
            // Non-web URLs are never fetched; Normalize hands them back as they are.
            Require(once == url, $"Normalize changed a non-web URL {url}");
            return;
        }

        Require(once.Scheme is "http" or "https", $"Normalize turned {url} into {once}");
        var twice = UrlNormalizer.Normalize(once);
        Require(twice.AbsoluteUri == once.AbsoluteUri, $"Normalize is not idempotent: {url.AbsoluteUri} -> {once.AbsoluteUri} -> {twice.AbsoluteUri}");
        Require(UrlNormalizer.NormalizeString(once) == once.AbsoluteUri, $"NormalizeString disagrees with Normalize for {once.AbsoluteUri}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }
}

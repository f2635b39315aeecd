using System.Text.RegularExpressions;
using CsCheck;

namespace NewsArchive.Tests.Reliability.Properties;

public sealed class FeedReaderPropertyTests
{
    [Fact]
    public void Read_MutatedFeeds_NeverThrowsAndStaysBounded() =>
        HangGuard.Sample(FeedGen.Feed, text => FeedInvariants.Check(text), defaultIterations: 300);

    [Fact]
    public void Read_MutatedSitemaps_NeverThrowsAndStaysBounded() =>
        HangGuard.Sample(FeedGen.Sitemap, text => FeedInvariants.Check(text), defaultIterations: 300);

    [Fact]
    public void Read_FeedCutAfterAnItem_KeepsTheItemsBeforeTheCut() =>
        // The malformed test feed (the last one) is broken before its end; the others are whole.
        HangGuard.Sample(
            Gen.Select(Gen.Int[0, FeedGen.Feeds.Count - 2], Gen.Int[1, 8], Gen.Int[0, 40]),
            input =>
            {
                var (text, complete) = CutAfter(FeedGen.Feeds[input.Item1], "</(item|entry)>", input.Item2, input.Item3);
                var items = FeedInvariants.CheckFeed(text);
                Assert.True(items.Count >= complete, $"{items.Count} items read from a feed cut after item {complete}: {text}");
            },
            defaultIterations: 300);

    [Fact]
    public void Read_SitemapCutAfterAnEntry_KeepsTheEntriesBeforeTheCut() =>
        HangGuard.Sample(
            Gen.Select(Gen.Int[0, FeedGen.Sitemaps.Count - 1], Gen.Int[1, 20], Gen.Int[0, 40]),
            input =>
            {
                var (text, complete) = CutAfter(FeedGen.Sitemaps[input.Item1], "</(url|sitemap)>", input.Item2, input.Item3);
                var document = FeedInvariants.CheckSitemap(text);
                Assert.True(document.Urls.Count + document.Sitemaps.Count >= complete, $"too few entries read from a sitemap cut after entry {complete}: {text}");
            },
            defaultIterations: 300);

    /// <summary>The document cut <paramref name="tail"/> characters after its n-th entry, and how many whole entries precede the cut.</summary>
    private static (string Text, int Complete) CutAfter(string text, string entryEnd, int entries, int tail)
    {
        var ends = Regex.Matches(text, entryEnd);
        var complete = Math.Min(entries, ends.Count);
        var cut = ends[complete - 1];
        return (text[..Math.Min(text.Length, cut.Index + cut.Length + tail)], complete);
    }
}

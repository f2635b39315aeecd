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
        HangGuard.Sample(
            Gen.Select(Gen.Int[0, FeedGen.Feeds.Count - 2], Gen.Int[1, 8], Gen.Int[0, 40]),
            input =>
            {
                // The malformed test feed (the last one) is broken before its end; the others are whole.
                var (feed, complete, tail) = input;
                var text = FeedGen.Feeds[feed];
                var ends = Regex.Matches(text, "</(item|entry)>").ToList();
                var cut = ends[Math.Min(complete, ends.Count) - 1];
                var end = Math.Min(text.Length, cut.Index + cut.Length + tail);

                var items = FeedInvariants.CheckFeed(text[..end]);

                Assert.True(items.Count >= Math.Min(complete, ends.Count), $"{items.Count} items read from a feed cut after item {complete}: {text[..end]}");
            },
            defaultIterations: 300);

    [Fact]
    public void Read_SitemapCutAfterAnEntry_KeepsTheEntriesBeforeTheCut() =>
        HangGuard.Sample(
            Gen.Select(Gen.Int[0, FeedGen.Sitemaps.Count - 1], Gen.Int[1, 20], Gen.Int[0, 40]),
            input =>
            {
                var (sitemap, complete, tail) = input;
                var text = FeedGen.Sitemaps[sitemap];
                var ends = Regex.Matches(text, "</(url|sitemap)>").ToList();
                var cut = ends[Math.Min(complete, ends.Count) - 1];
                var end = Math.Min(text.Length, cut.Index + cut.Length + tail);

                var document = FeedInvariants.CheckSitemap(text[..end]);

                Assert.True(document.Urls.Count + document.Sitemaps.Count >= Math.Min(complete, ends.Count), $"too few entries read from a sitemap cut after entry {complete}");
            },
            defaultIterations: 300);
}

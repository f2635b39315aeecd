using System.Text;
using System.Xml.Linq;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Cli;

/// <summary>history, stories, top, stats, links --depth and the exports, through the CLI entry point over a fixture archive.</summary>
public sealed class QueryCommandsTests : IDisposable
{
    private static readonly DateTimeOffset Now = FixtureArchive.Now;
    private readonly TempArchive _archive = new();
    private readonly CliRunner _cli;
    private readonly long _first;
    private readonly long _second;
    private readonly long _third;
    private readonly long _tricky;

    public QueryCommandsTests()
    {
        _cli = new CliRunner(_archive.Path, new FixedClock(Now));
        using var store = ArchiveStore.Open(_archive.Path);
        var fixture = new FixtureArchive(store);
        _first = fixture.Add("abreview", "1", "Продажи электромобилей выросли", "Дилеры продали 500 электромобилей.", Now.AddDays(-3), views: 100, fetchedAt: Now.AddDays(-3));
        fixture.Add("abreview", "1", "Продажи электромобилей выросли вдвое", "Дилеры продали 1000 электромобилей.", Now.AddDays(-3), views: 250, fetchedAt: Now.AddDays(-2));
        _second = fixture.Add("abreview", "2", "Дилерам электромобилей дадут льготы", "Текст.", Now.AddDays(-2), views: 40,
            links: [FixtureArchive.Related("abreview", "1", "Продажи электромобилей выросли")]);
        _third = fixture.Add("autostat", "3", "Итоги: электромобили", "Текст.", Now.AddDays(-1), views: 900,
            links: [FixtureArchive.Related("abreview", "2", "Дилерам электромобилей дадут льготы")]);
        _tricky = fixture.Add("autostat", "4", "=HYPERLINK(\"http://evil\";\"click\")", "Строка с \"кавычками\"; точкой с запятой,\nпереводом строки и +7 формулой.\n@SUM(A1)", Now, views: 5);
    }

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task History_EditedArticle_ListsVersionsAsJsonAndDiffAsTable()
    {
        var json = await _cli.RunAsync("history", _first.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var versions = json.JsonLines();
        Assert.Equal(2, versions.Count);
        Assert.Equal("Продажи электромобилей выросли", versions[0].GetProperty("title").GetString());
        Assert.Equal("Дилеры продали 1000 электромобилей.", versions[1].GetProperty("body").GetString());
        Assert.Equal(Now.AddDays(-2), DateTimeOffset.Parse(versions[1].GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var table = await _cli.RunAsync("history", "https://abreview.ru/news/1/");
        Assert.Contains("{+вдвое+}", table.Output);
        Assert.Contains("[-500-] {+1000+}", table.Output);
    }

    [Fact]
    public async Task Show_RevisitedArticle_PrintsLatestCountersAndGrowth()
    {
        var show = await _cli.RunAsync("show", _first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Views:     250 (+150)", show.Output);
        Assert.Contains("Versions:  2", show.Output);
        var json = (await _cli.RunAsync("show", _first.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json")).JsonLines().Single();
        Assert.Equal(150, json.GetProperty("counters").GetProperty("views_growth").GetInt32());
    }

    [Fact]
    public async Task Search_TableAndErrors_ShowSnippetAndExitTwo()
    {
        var search = await _cli.RunAsync("search", "электромобиль", "--site", "abreview", "--sort", "views");
        Assert.True(search.ExitCode == 0, search.ToString());
        var lines = search.Output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("Дилеры продали 1000 [электромобилей].", lines[1]);

        foreach (var bad in new[] { "\"open", "OR дилер", "(дилер", "дилер AND" })
        {
            var result = await _cli.RunAsync("search", bad);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("newsarchive: invalid search query", result.Error);
        }
        var sort = await _cli.RunAsync("list", "--sort", "relevance");
        Assert.Equal(2, sort.ExitCode);
    }

    [Fact]
    public async Task Stories_Thread_OldestFirstOneJsonObjectPerArticle()
    {
        var stories = await _cli.RunAsync("stories", "https://abreview.ru/news/2/", "--format", "json");
        Assert.True(stories.ExitCode == 0, stories.ToString());
        Assert.Equal([_first, _second, _third], stories.JsonLines().Select(j => j.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task LinksDepth_WalksRelatedLinks()
    {
        var links = await _cli.RunAsync("links", _third.ToString(System.Globalization.CultureInfo.InvariantCulture), "--depth", "2", "--format", "json");
        Assert.True(links.ExitCode == 0, links.ToString());
        Assert.Equal([(1, _second), (2, _first)], links.JsonLines().Select(j => (j.GetProperty("depth").GetInt32(), j.GetProperty("id").GetInt64())));
    }

    [Fact]
    public async Task Top_ByInlinksAndViews_Ranks()
    {
        var inlinks = (await _cli.RunAsync("top", "--by", "inlinks", "--limit", "2", "--format", "json")).JsonLines();
        Assert.Equal(2, inlinks.Count);
        Assert.All(inlinks, j => Assert.Equal(1, j.GetProperty("inlinks").GetInt32()));
        var views = (await _cli.RunAsync("top", "--by", "views", "--from", "2026-03-10", "--format", "json")).JsonLines();
        Assert.Equal([_third, _second, _tricky], views.Select(j => j.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Stats_Json_CountsSitesAndDays()
    {
        var stats = await _cli.RunAsync("stats", "--format", "json");
        Assert.True(stats.ExitCode == 0, stats.ToString());
        var lines = stats.JsonLines();
        var abreview = lines.Single(l => l.TryGetProperty("site", out var s) && s.GetString() == "abreview");
        Assert.Equal(2, abreview.GetProperty("articles").GetInt32());
        Assert.Equal(4, lines.Count(l => l.TryGetProperty("day", out _)));
        var table = await _cli.RunAsync("stats");
        Assert.Contains("Dates: 2026-03-09 to 2026-03-12, 4 days, 4 with articles, 0 without", table.Output);
    }

    [Fact]
    public async Task ExportCsvExcel_TrickyCells_ReadBackIntact()
    {
        var file = Path.Combine(_archive.Directory, "excel.csv");
        var export = await _cli.RunAsync("export", "csv", "--excel", "--columns", "id,title,body,views", "--out", file);
        Assert.True(export.ExitCode == 0, export.ToString());
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes));

        var rows = ReadCsv(file, ';');
        Assert.Equal(["id", "title", "body", "views"], rows[0]);
        var tricky = rows.Single(r => r[0] == _tricky.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("'=HYPERLINK(\"http://evil\";\"click\")", tricky[1]);
        Assert.Equal("Строка с \"кавычками\"; точкой с запятой,\nпереводом строки и +7 формулой.\n@SUM(A1)", tricky[2]);
        Assert.Equal("5", tricky[3]);
        Assert.Equal(5, rows.Count);

        var again = await _cli.RunAsync("export", "csv", "--excel", "--out", file);
        Assert.Equal(2, again.ExitCode);
        var bad = await _cli.RunAsync("export", "csv", "--columns", "id,nope");
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public async Task ExportJsonl_OneArticlePerLineWithRelated()
    {
        var export = await _cli.RunAsync("export", "jsonl", "--site", "abreview");
        Assert.True(export.ExitCode == 0, export.ToString());
        var lines = export.JsonLines();
        Assert.Equal(2, lines.Count);
        var second = lines.Single(l => l.GetProperty("id").GetInt64() == _second);
        Assert.Equal(_first, second.GetProperty("related")[0].GetProperty("id").GetInt64());
        Assert.Equal("Текст.", second.GetProperty("body").GetString());
        Assert.Equal("<p>Текст.</p>", second.GetProperty("body_html").GetString());
    }

    [Fact]
    public async Task ExportLinks_CsvAndGraphml()
    {
        var csv = await _cli.RunAsync("export", "links", "--kind", "related");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        var file = Path.Combine(_archive.Directory, "edges.csv");
        await File.WriteAllTextAsync(file, csv.Output);
        var rows = ReadCsv(file, ',');
        Assert.Equal(["from_url", "to_url", "kind", "anchor_text"], rows[0]);
        Assert.Contains(rows, r => r[0] == "https://abreview.ru/news/2/" && r[1] == "https://abreview.ru/news/1/" && r[3] == "Продажи электромобилей выросли");

        var graphml = await _cli.RunAsync("export", "links", "--format", "graphml");
        var document = XDocument.Parse(graphml.Output);
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(3, document.Descendants(ns + "node").Count());
        Assert.Equal(2, document.Descendants(ns + "edge").Count());
    }

    [Fact]
    public async Task Stats_OnATerminal_DrawsBarsScaledToTheBusiestDay()
    {
        using (var store = ArchiveStore.Open(_archive.Path))
        {
            new FixtureArchive(store).Add("kolesa", "5", "Ещё одна новость", "Текст.", Now);
        }
        var output = new StringWriter();
        var context = new NewsArchive.Cli.CliContext(output, new StringWriter(), new FixedClock(Now), _ => null, IsTerminal: true, CancellationToken.None);
        Assert.Equal(0, await NewsArchive.Cli.CliApp.RunAsync(["--db", _archive.Path, "stats"], context));
        var bars = output.ToString().Split('\n').Where(l => l.StartsWith("2026-03-", StringComparison.Ordinal)).Select(l => l.Count(c => c == '█')).ToList();
        // One article a day, two on the last: the busiest day has the full bar of 40, the others half of it.
        Assert.Equal([20, 20, 20, 40], bars);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("links")]
    public async Task Export_ExistingFile_IsKeptWithoutForceAndReplacedWithIt(string what)
    {
        var file = Path.Combine(_archive.Directory, "existing.out");
        await File.WriteAllTextAsync(file, "keep me");
        var refused = await _cli.RunAsync("export", what, "--out", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));

        var forced = await _cli.RunAsync("export", what, "--out", file, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.NotEqual("keep me", await File.ReadAllTextAsync(file));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task LinksDepthAndTop_ByKindAndDateRange_FollowOnlyThoseLinks()
    {
        var id = (long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Only related links join the thread: a walk by sidebar links from the same start finds nothing.
        Assert.Empty((await _cli.RunAsync("links", id(_third), "--depth", "3", "--kind", "sidebar", "--format", "json")).JsonLines());
        var both = await _cli.RunAsync("links", id(_second), "--depth", "2", "--direction", "both", "--kind", "related", "--format", "json");
        Assert.Equal([(1, _first), (1, _third)], both.JsonLines().Select(j => (j.GetProperty("depth").GetInt32(), j.GetProperty("id").GetInt64())).Order());

        var inlinks = await _cli.RunAsync("top", "--by", "inlinks", "--from", "2026-03-09", "--to", "2026-03-09", "--format", "json");
        Assert.Equal([(_first, 1)], inlinks.JsonLines().Select(j => (j.GetProperty("id").GetInt64(), j.GetProperty("inlinks").GetInt32())));
    }

    /// <summary>Every query command, with the arguments it needs before its filters.</summary>
    public static TheoryData<string[]> QueryCommands => new()
    {
        new[] { "list" }, new[] { "search", "электромобиль" }, new[] { "links", "2" }, new[] { "stories", "2" }, new[] { "top" },
        new[] { "stats" }, new[] { "export", "csv" }, new[] { "export", "jsonl" }, new[] { "export", "links" }, new[] { "reparse", "--dry-run" },
    };

    [Theory]
    [MemberData(nameof(QueryCommands))]
    public async Task QueryCommand_EveryFilter_IsAcceptedAndBadValuesExitTwoWithOneLine(string[] command)
    {
        var all = await _cli.RunAsync([.. command, "--site", "abreview", "--site", "autostat", "--from", "2026-03-01", "--to", "2026-03-31",
            "--author", "петров", "--tag", "Электромобили", "--min-views", "10"]);
        Assert.True(all.ExitCode is 0 or 1, all.ToString());

        foreach (var (bad, named) in new[]
        {
            (new[] { "--from", "2026-02-30" }, "--from"), (new[] { "--to", "вчера" }, "--to"), (new[] { "--from", "2026-03-10", "--to", "2026-03-01" }, "--from"),
            (new[] { "--min-views", "-1" }, "--min-views"), (new[] { "--min-views", "many" }, "many"), (new[] { "--site", "nosuch" }, "nosuch"),
        })
        {
            var result = await _cli.RunAsync([.. command, .. bad]);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', command)} {string.Join(' ', bad)}: {result}");
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(named, line);
        }
    }

    [Fact]
    public async Task GraphCommands_Filters_SelectTheArticlesAtTheOtherEnd()
    {
        var id = (long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var walk = await _cli.RunAsync("links", id(_third), "--depth", "2", "--format", "json", "--site", "abreview", "--min-views", "200");
        Assert.Equal([_first], walk.JsonLines().Select(j => j.GetProperty("id").GetInt64()));
        var incoming = await _cli.RunAsync("links", id(_first), "--direction", "in", "--format", "json", "--from", "2026-03-10");
        Assert.Equal([_second], incoming.JsonLines().Select(j => j.GetProperty("id").GetInt64()));
        Assert.Empty((await _cli.RunAsync("links", id(_third), "--format", "json", "--site", "autostat")).JsonLines());

        var story = await _cli.RunAsync("stories", id(_second), "--format", "json", "--site", "autostat");
        Assert.Equal([_third], story.JsonLines().Select(j => j.GetProperty("id").GetInt64()));

        var edges = await _cli.RunAsync("export", "links", "--site", "autostat");
        Assert.Equal(["from_url,to_url,kind,anchor_text", "https://autostat.ru/news/3/,https://abreview.ru/news/2/,related,Дилерам электромобилей дадут льготы"],
            edges.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    private static List<string[]> ReadCsv(string path, char separator)
    {
        using var reader = CsvHelper.CsvReader.Create(new StreamReader(path), new CsvHelper.CsvReaderOptions { HasHeader = false, Separator = separator }, false);
        var records = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i)!;
            }
            records.Add(fields);
        }
        return records;
    }
}

using System.CommandLine;
using System.Text;
using NewsArchive.Export;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>`export csv|jsonl|links`: stream to standard output, or to --out through a temporary file.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var export = new Command("export", "Export stored articles or the link graph");
        export.Add(CreateCsv(context));
        export.Add(CreateJsonl(context));
        export.Add(CreateLinks(context));
        return export;
    }

    private static Command CreateCsv(CliContext context)
    {
        var (output, force) = OutputOptions();
        var filters = new QueryOptions("date", "views", "relevance");
        var query = QueryOption();
        var excel = new Option<bool>("--excel") { Description = "For Excel: UTF-8 with BOM, ';' between cells, CRLF, formulas neutralised" };
        var columns = new Option<string?>("--columns") { Description = $"Comma-separated columns among {string.Join(',', CsvArticleWriter.AllColumns)}", HelpName = "LIST" };
        var delimiter = new Option<string?>("--delimiter") { Description = "Cell separator: ',' ';' or 'tab' (default ',', or ';' with --excel)", HelpName = "CHAR" };
        var command = new Command("csv", "Articles as CSV (RFC 4180, UTF-8, one header row)") { output, force, query, excel, columns, delimiter };
        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Build(result, result.GetValue(query), includeBody: true);
            var chosen = ParseColumns(result.GetValue(columns));
            var isExcel = result.GetValue(excel);
            var separator = ParseDelimiter(result.GetValue(delimiter), isExcel);
            filter = filter with { IncludeInlinks = chosen.Contains("inlinks") };
            var options = isExcel ? CsvArticleWriter.ExcelOptions(separator) : separator == ',' ? null : new CsvHelper.CsvWriterOptions { Separator = separator };
            return WriteExport(context, result, result.GetValue(output), result.GetValue(force), "articles",
                (store, writer) => CsvArticleWriter.Write(writer, ReadAhead.Of(store.QueryArticles(filter)), chosen, options, byteOrderMark: isExcel));
        });
        return command;
    }

    private static Command CreateJsonl(CliContext context)
    {
        var (output, force) = OutputOptions();
        var filters = new QueryOptions("date", "views", "relevance");
        var query = QueryOption();
        var command = new Command("jsonl", "Articles as JSON Lines: every field and the related news, one article per line") { output, force, query };
        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Build(result, result.GetValue(query), includeBody: true);
            return WriteExport(context, result, result.GetValue(output), result.GetValue(force), "articles",
                (store, writer) => JsonlArticleWriter.Write(writer, store.QueryArticles(filter), a => store.GetLinks(a.Id, LinkDirection.Out, ["related"])));
        });
        return command;
    }

    private static Command CreateLinks(CliContext context)
    {
        var (output, force) = OutputOptions();
        var filters = new QueryOptions();
        var kinds = LinksCommand.KindOption();
        var format = CommonOptions.Format("csv", "csv", "graphml");
        var command = new Command("links", "The link graph: edges as CSV (from_url,to_url,kind,anchor_text) or GraphML for Gephi") { output, force, kinds, format };
        filters.AddTo(command);
        command.SetAction(result =>
        {
            // The filters select the articles the edges start from.
            var filter = filters.Build(result);
            var kindList = LinksCommand.ValidateKinds(result.GetValue(kinds));
            var graphml = result.GetValue(format) == "graphml";
            return WriteExport(context, result, result.GetValue(output), result.GetValue(force), "links",
                (store, writer) => graphml
                    ? GraphMlWriter.Write(writer, store.StreamNodes(filter, kindList), store.StreamEdges(filter, kindList))
                    : CsvEdgeWriter.Write(writer, store.StreamEdges(filter, kindList)));
        });
        return command;
    }

    internal static (Option<string?> Output, Option<bool> Force) OutputOptions() => (
        new Option<string?>("--out") { Description = "Write to FILE instead of standard output", HelpName = "FILE" },
        new Option<bool>("--force") { Description = "Overwrite an existing --out file" });

    private static Option<string?> QueryOption() =>
        new("--query") { Description = "Only articles matching this full-text search", HelpName = "QUERY" };

    /// <summary>Runs one export to standard output, or to --out: written beside the target and moved into place, so a failed export never leaves half a file.</summary>
    private static int WriteExport(CliContext context, ParseResult result, string? path, bool force, string what, Func<ArchiveStore, TextWriter, int> write)
    {
        if (path is not null)
        {
            ValidateOutputPath(path, force);
        }
        using var store = CommonOptions.OpenStore(result, context, readOnly: true);
        if (path is null)
        {
            write(store, context.Out);
            return ExitCodes.Ok;
        }
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".partial";
        int rows;
        try
        {
            using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
            {
                rows = write(store, writer);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
        context.Error.WriteLine($"exported {rows} {what} to {fullPath}");
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<string> ParseColumns(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CsvArticleWriter.DefaultColumns;
        }
        var columns = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()).ToList();
        foreach (var column in columns)
        {
            if (!CsvArticleWriter.AllColumns.Contains(column))
            {
                throw new UsageException($"--columns: unknown column '{column}' (use {string.Join(',', CsvArticleWriter.AllColumns)})");
            }
        }
        if (columns.Count == 0)
        {
            throw new UsageException("--columns: name at least one column");
        }
        return columns;
    }

    private static char ParseDelimiter(string? text, bool excel) => text switch
    {
        null or "" => excel ? ';' : ',',
        "tab" or "\\t" or "\t" => '\t',
        "," or ";" or "|" => text[0],
        _ => throw new UsageException($"--delimiter: use ',', ';', '|' or 'tab', not '{text}'"),
    };

    internal static void ValidateOutputPath(string path, bool force)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new UsageException($"--out: {fullPath} is a directory");
        }
        if (Path.GetDirectoryName(fullPath) is { } directory && !Directory.Exists(directory))
        {
            throw new UsageException($"--out: directory {directory} does not exist");
        }
        if (File.Exists(fullPath) && !force)
        {
            throw new UsageException($"--out: {fullPath} already exists (use --force to overwrite)");
        }
    }
}

using System.CommandLine;
using System.Text;
using NewsArchive.Export;

namespace NewsArchive.Cli;

public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var export = new Command("export", "Export stored articles");
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of standard output", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing --out file" };
        var sites = CommonOptions.Sites();
        var from = CommonOptions.From();
        var to = CommonOptions.To();
        var query = new Option<string?>("--query") { Description = "Only articles matching this full-text query", HelpName = "QUERY" };
        var csv = new Command("csv", "Articles as CSV (RFC 4180, UTF-8, one header row)") { output, force, sites, from, to, query };
        csv.SetAction(result =>
        {
            var filter = CommonOptions.BuildQuery(result, sites, from, to, null, result.GetValue(query), includeBody: true);
            var path = result.GetValue(output);
            if (path is not null)
            {
                ValidateOutputPath(path, result.GetValue(force));
            }
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var articles = store.QueryArticles(filter);
            if (path is null)
            {
                CsvArticleWriter.Write(context.Out, articles, CsvArticleWriter.DefaultColumns);
                return ExitCodes.Ok;
            }
            // Written beside the target and moved into place, so a failed export never leaves half a file.
            var fullPath = Path.GetFullPath(path);
            var temporary = fullPath + ".partial";
            int rows;
            try
            {
                using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
                {
                    rows = CsvArticleWriter.Write(writer, articles, CsvArticleWriter.DefaultColumns);
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
            context.Error.WriteLine($"exported {rows} articles to {fullPath}");
            return ExitCodes.Ok;
        });
        export.Add(csv);
        return export;
    }

    private static void ValidateOutputPath(string path, bool force)
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

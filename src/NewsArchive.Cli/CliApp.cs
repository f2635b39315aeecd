using System.CommandLine;
using Microsoft.Data.Sqlite;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>The command tree and the one place where expected failures become an error line and an exit code.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = new RootCommand("NewsArchive: a private, searchable archive of trade-news sites.")
        {
            CommonOptions.Db,
            SitesCommand.Create(context),
            FetchCommand.Create(context),
            ReparseCommand.Create(context),
            ListCommand.CreateList(context),
            ListCommand.CreateSearch(context),
            ShowCommand.Create(context),
            HistoryCommand.Create(context),
            LinksCommand.Create(context),
            StoriesCommand.Create(context),
            TopCommand.Create(context),
            StatsCommand.Create(context),
            ExportCommand.Create(context),
            ExtractCommand.Create(context),
            ProfileCommand.Create(context),
            RunsCommand.Create(context),
            CompactCommand.Create(context),
        };
        root.HelpName = "newsarchive";

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"newsarchive: {DescribeParseError(parse)} (see 'newsarchive --help')");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            // Program.cs turns SIGINT/SIGTERM into a clean stop after the page in flight; System.CommandLine's own
            // handler would instead end the process two seconds later, mid-page.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, context.Stop);
        }
        catch (UsageException ex)
        {
            await context.Error.WriteLineAsync($"newsarchive: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (ArchiveException ex)
        {
            await context.Error.WriteLineAsync($"newsarchive: {ex.Message}");
            return ex.IsUserError ? ExitCodes.Usage : ExitCodes.Fatal;
        }
        catch (SqliteException ex)
        {
            await context.Error.WriteLineAsync($"newsarchive: archive error: {DescribeSqlite(ex)}");
            return ExitCodes.Fatal;
        }
        catch (IOException ex)
        {
            await context.Error.WriteLineAsync($"newsarchive: {ex.Message}");
            return ExitCodes.Fatal;
        }
        catch (UnauthorizedAccessException ex)
        {
            await context.Error.WriteLineAsync($"newsarchive: {ex.Message}");
            return ExitCodes.Fatal;
        }
        catch (OperationCanceledException) when (context.Stop.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("newsarchive: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (context.GetEnvironment("NEWSARCHIVE_DEBUG") is not "1")
        {
            // A bug, not an expected failure: still one line, with the way to get the trace.
            await context.Error.WriteLineAsync($"newsarchive: internal error: {ex.GetType().Name}: {ex.Message} (set NEWSARCHIVE_DEBUG=1 for details)");
            return ExitCodes.Fatal;
        }
    }

    /// <summary>One line, naming the offending word: an unknown command beats "required command was not provided".</summary>
    private static string DescribeParseError(ParseResult parse)
    {
        var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
        var message = error.Message;
        var typeClause = message.IndexOf(" as expected type", StringComparison.Ordinal);
        if (typeClause > 0)
        {
            message = message[..typeClause];
        }
        return string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
    }

    private static string DescribeSqlite(SqliteException ex) => ex.SqliteErrorCode switch
    {
        5 or 6 => "the archive is locked by another process",
        8 => "the archive is read-only",
        10 => "I/O error",
        11 or 26 => "the archive is damaged or not an archive",
        13 => "the disk is full",
        _ => ex.Message,
    };
}

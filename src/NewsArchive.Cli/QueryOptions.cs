using System.CommandLine;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>The filters every query command takes (--site, --from, --to, --author, --tag, --min-views, --sort), built into an <see cref="ArticleQuery"/>.</summary>
public sealed class QueryOptions
{
    private readonly Option<string[]> _sites = CommonOptions.Sites();
    private readonly Option<string?> _from = CommonOptions.From();
    private readonly Option<string?> _to = CommonOptions.To();
    private readonly Option<string?> _author = new("--author") { Description = "Only articles by an author whose name contains TEXT (any case)", HelpName = "TEXT" };
    private readonly Option<string[]> _tags = new("--tag") { Description = "Only articles with this tag (repeatable: any of them)", HelpName = "TAG", AllowMultipleArgumentsPerToken = false };
    private readonly Option<int?> _minViews = new("--min-views") { Description = "Only articles with at least N views", HelpName = "N" };
    private readonly Option<string?>? _sort;

    /// <param name="sorts">The orders --sort accepts; none means the command has no --sort.</param>
    public QueryOptions(params string[] sorts)
    {
        if (sorts.Length > 0)
        {
            _sort = new Option<string?>("--sort") { Description = $"Order: {string.Join('|', sorts)}", HelpName = "ORDER" };
            _sort.AcceptOnlyFromAmong(sorts);
        }
    }

    public void AddTo(Command command)
    {
        command.Add(_sites);
        command.Add(_from);
        command.Add(_to);
        command.Add(_author);
        command.Add(_tags);
        command.Add(_minViews);
        if (_sort is not null)
        {
            command.Add(_sort);
        }
    }

    public ArticleQuery Build(ParseResult result, string? text = null, int? limit = null, bool includeBody = false)
    {
        var fromDate = CommonOptions.ParseDate(result.GetValue(_from), "--from");
        var toDate = CommonOptions.ParseDate(result.GetValue(_to), "--to");
        if (fromDate > toDate)
        {
            throw new UsageException($"--from {fromDate:yyyy-MM-dd} is after --to {toDate:yyyy-MM-dd}");
        }
        if (limit is < 1)
        {
            throw new UsageException($"--limit must be a positive number, not {limit}");
        }
        var minViews = result.GetValue(_minViews);
        if (minViews is < 0)
        {
            throw new UsageException($"--min-views must not be negative, not {minViews}");
        }
        var sort = (_sort is null ? null : result.GetValue(_sort)) switch
        {
            "date" => ArticleSort.Date,
            "views" => ArticleSort.Views,
            "relevance" when string.IsNullOrWhiteSpace(text) => throw new UsageException("--sort relevance needs a search query (use 'search')"),
            "relevance" => ArticleSort.Relevance,
            _ => ArticleSort.Default,
        };
        return new ArticleQuery
        {
            Sites = result.GetValue(_sites) ?? [],
            From = fromDate,
            To = toDate,
            Limit = limit,
            Text = text,
            IncludeBody = includeBody,
            Author = result.GetValue(_author),
            Tags = result.GetValue(_tags) ?? [],
            MinViews = minViews,
            Sort = sort,
        };
    }
}

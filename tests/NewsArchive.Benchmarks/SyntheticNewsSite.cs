using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsArchive.Benchmarks;

/// <summary>
/// A large generated news site on 127.0.0.1 for whole-crawl benchmarks: a paginated listing of
/// <c>count</c> articles (newest first, 20 per page), each a Bitrix-style page with chrome,
/// a body of several paragraphs, counters and a "Новости по теме" list. Pages are generated on request.
/// With <c>hosts</c> above one, the articles are dealt out to 127.0.0.1, 127.0.0.2, … (id modulo hosts), each host a
/// site of its own for <c>fetch --concurrency</c>; a <see cref="SyntheticFaultPlan"/> makes some article pages misbehave.
/// </summary>
public sealed class SyntheticNewsSite : IAsyncDisposable
{
    private const int PageSize = 20;
    private static readonly DateTimeOffset Newest = new(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(3));
    private readonly WebApplication _app;
    private readonly int _count;
    private readonly int _hosts;
    private readonly SyntheticFaultPlan _faults;
    private readonly TimeSpan _hangFor;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _requests = new();

    private SyntheticNewsSite(WebApplication app, int count, int hosts, SyntheticFaultPlan faults, TimeSpan hangFor, IReadOnlyList<Uri> baseUris)
    {
        _app = app;
        _count = count;
        _hosts = hosts;
        _faults = faults;
        _hangFor = hangFor;
        BaseUris = baseUris;
    }

    /// <summary>The first host's root.</summary>
    public Uri BaseUri => BaseUris[0];

    /// <summary>One root per host, 127.0.0.1 first.</summary>
    public IReadOnlyList<Uri> BaseUris { get; }

    public static DateTimeOffset ReferenceNow => Newest.AddHours(1);

    public static async Task<SyntheticNewsSite> StartAsync(int count, int port = 0, int hosts = 1, SyntheticFaultPlan? faults = null, TimeSpan? hangFor = null)
    {
        if (hosts is < 1 or > 250)
        {
            throw new ArgumentOutOfRangeException(nameof(hosts), "1 to 250 loopback hosts");
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. Enumerable.Range(1, hosts).Select(h => $"http://127.0.0.{h}:{port}")]);
        var app = builder.Build();
        SyntheticNewsSite? site = null;
        app.Run(context => site!.ServeAsync(context));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.TrimEnd('/') + "/"))
            .OrderBy(u => HostIndex(u.Host))
            .ToList();
        site = new SyntheticNewsSite(app, count, hosts, faults ?? SyntheticFaultPlan.None, hangFor ?? TimeSpan.FromSeconds(35), addresses);
        return site;
    }

    /// <summary>0 for 127.0.0.1, 1 for 127.0.0.2, …</summary>
    private static int HostIndex(string host) => int.Parse(host.AsSpan(host.LastIndexOf('.') + 1), CultureInfo.InvariantCulture) - 1;

    /// <summary>The id's host (id modulo hosts) and its place among that host's articles.</summary>
    private (int Host, int Index) Place(int id) => (id % _hosts, id / _hosts);

    private int IdAt(int host, int index) => host + index * _hosts;

    private int CountOn(int host) => (_count - host + _hosts - 1) / _hosts;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Completes on SIGTERM or Ctrl+C: the host's own lifetime, which a plain infinite wait would deadlock.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    private static DateTimeOffset PublishedOf(int id) => Newest.AddMinutes(-17 * id);

    internal static string TitleOf(int id) =>
        string.Create(CultureInfo.InvariantCulture, $"Продажи автомобилей марки {Brands[id % Brands.Length]} в регионе {id % 83 + 1} выросли на {id % 40 + 1}% (выпуск {id})");

    private static readonly string[] Brands = ["Lada", "Haval", "Chery", "Geely", "Tenet", "Москвич", "Kia", "Hyundai", "Toyota", "Exeed"];

    private Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var host = _hosts == 1 ? 0 : HostIndex(context.Connection.LocalIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1");
        if (path == "/robots.txt")
        {
            return Write(context, "text/plain", "User-agent: *\nDisallow: /bitrix/\n");
        }
        if (path == "/news/")
        {
            var page = int.TryParse(context.Request.Query["PAGEN_1"], CultureInfo.InvariantCulture, out var p) ? Math.Max(1, p) : 1;
            return Write(context, "text/html; charset=utf-8", Listing(host, page));
        }
        if (path.StartsWith("/news/a", StringComparison.Ordinal)
            && int.TryParse(path.AsSpan(7).TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 0 && id < _count
            && Place(id).Host == host)
        {
            return _faults.FaultOf(id) == SyntheticFault.None
                ? Write(context, "text/html; charset=utf-8", Article(id))
                : ServeFaultyAsync(context, id, _faults.FaultOf(id));
        }
        context.Response.StatusCode = 404;
        return Write(context, "text/html; charset=utf-8", "<html><body><h1>404</h1></body></html>");
    }

    private static async Task Write(HttpContext context, string type, string body)
    {
        context.Response.ContentType = type;
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }

    private async Task ServeFaultyAsync(HttpContext context, int id, SyntheticFault fault)
    {
        var first = _requests.AddOrUpdate(id, 1, (_, n) => n + 1) == 1;
        switch (fault)
        {
            case SyntheticFault.ServerError:
                context.Response.StatusCode = 500;
                await Write(context, "text/html; charset=utf-8", "<html><body><h1>500 Internal Server Error</h1></body></html>");
                return;
            case SyntheticFault.UnavailableRetryAfter when first:
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                await Write(context, "text/html; charset=utf-8", "<html><body><h1>503 Service Unavailable</h1></body></html>");
                return;
            case SyntheticFault.ResetOnce when first:
                context.Abort();
                return;
            case SyntheticFault.Truncated:
            {
                var bytes = Encoding.UTF8.GetBytes(Article(id));
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }
            case SyntheticFault.HangOnce when first:
                try
                {
                    await Task.Delay(_hangFor, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                break;
            case SyntheticFault.Garbage:
            {
                var bytes = new byte[8192];
                new Random(id).NextBytes(bytes);
                context.Response.ContentType = "text/html";
                await context.Response.Body.WriteAsync(bytes);
                return;
            }
            case SyntheticFault.NotFound:
                context.Response.StatusCode = 404;
                await Write(context, "text/html; charset=utf-8", "<html><body><h1>404</h1></body></html>");
                return;
        }
        // A fault that happens once, already served: the page, late.
        await Write(context, "text/html; charset=utf-8", Article(id));
    }

    private string Listing(int host, int page)
    {
        var onHost = CountOn(host);
        var pages = Math.Max(1, (onHost + PageSize - 1) / PageSize);
        page = Math.Min(page, pages);
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Новости - Synthetic</title></head><body>");
        Chrome(html);
        html.Append("<div class=\"news-list\"><h1>Новости</h1>");
        for (var index = (page - 1) * PageSize; index < Math.Min(onHost, page * PageSize); index++)
        {
            var id = IdAt(host, index);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"news-item\"><span class=\"news-date-time\">{PublishedOf(id):dd.MM.yyyy HH:mm}</span> <a href=\"/news/a{id}/\">{TitleOf(id)}</a><p>Краткое описание новости номер {id}.</p></div>");
        }
        html.Append("</div><div class=\"pager\">");
        if (page < pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"/news/?PAGEN_1={page + 1}\" rel=\"next\">След.</a>");
        }
        html.Append("</div></body></html>");
        return html.ToString();
    }

    private string Article(int id)
    {
        var published = PublishedOf(id);
        var html = new StringBuilder(16384);
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>{TitleOf(id)} - Synthetic</title>");
        html.Append(CultureInfo.InvariantCulture, $"<meta property=\"article:published_time\" content=\"{published:yyyy-MM-dd'T'HH:mm:sszzz}\"></head><body>");
        Chrome(html);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"news-detail\"><h1>{TitleOf(id)}</h1><span class=\"news-date-time\">{published:dd.MM.yyyy HH:mm}</span>");
        html.Append("<div class=\"news-detail-text\">");
        for (var p = 0; p < 6; p++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>По данным агентства, в отчётном периоде дилеры марки {Brands[(id + p) % Brands.Length]} реализовали {1000 + id % 997 + p * 13} автомобилей, что на {p + 3}% больше, чем годом ранее. Эксперты связывают рост с изменением условий автокредитования, обновлением модельного ряда и сезонным спросом, который традиционно усиливается весной (абзац {p + 1}).</p>");
        }
        html.Append("</div><div class=\"news-counters\"><span class=\"news-views\" title=\"Просмотры\">");
        html.Append(id * 7 % 10000);
        html.Append("</span> <span class=\"news-comments-count\" title=\"Комментарии\">");
        html.Append(id % 9);
        html.Append("</span></div></div><div class=\"news-related\"><div class=\"news-related-title\">Новости по теме:</div><ul>");
        for (var r = 1; r <= 3; r++)
        {
            var (host, index) = Place(id);
            var other = IdAt(host, (index + r * 37) % CountOn(host));
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"news-date-time\">{PublishedOf(other):dd.MM.yyyy}</span> <a href=\"/news/a{other}/\">{TitleOf(other)}</a></li>");
        }
        html.Append("</ul></div><div class=\"comments\"><p>Чтобы оставлять комментарии, необходимо авторизоваться на сайте</p></div>");
        html.Append("<footer>© 2008–2026 Synthetic. Все права защищены.</footer></body></html>");
        return html.ToString();
    }

    private static void Chrome(StringBuilder html) => html.Append(
        "<header><ul class=\"menu\"><li><a href=\"/news/\">Новости</a></li><li><a href=\"/analytics/\">Аналитика</a></li></ul>"
        + "<div class=\"auth-box\"><b>Вход на сайт</b><form><input name=\"login\"><input name=\"password\" type=\"password\"></form></div></header>"
        + "<div class=\"subscribe\">Рассылка: <form><input name=\"email\"><button>Подписаться</button></form></div>");
}

using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Hostile answers for a loopback server (<see cref="TestSite.NewsTestSite.Override"/> or
/// <see cref="Fetching.LoopbackServer"/>). Endless bodies are generated as they are sent, never held in memory,
/// and stop when the client hangs up; each handler records whether the client hung up before the end.
/// </summary>
public sealed class HostileResponses
{
    private const string Html = "text/html; charset=utf-8";

    // One gzip member inflating 16 MiB of spaces to ~16 KB; members may follow each other in one body.
    private static readonly Lazy<byte[]> BombMember = new(() =>
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 16; i++)
            {
                gzip.Write(spaces);
            }
        }
        return packed.ToArray();
    });

    private readonly ConcurrentDictionary<string, bool> _hungUp = new(StringComparer.Ordinal);

    /// <summary>Whether the client closed the connection before the handler called <paramref name="name"/> was done.</summary>
    public bool HungUp(string name) => _hungUp.GetValueOrDefault(name);

    /// <summary>Headers at once, then one byte of HTML a second, for ever.</summary>
    public RequestDelegate Slowloris(string name) => context => StreamAsync(name, context, Html, null, async (body, ct) =>
    {
        await body.WriteAsync("<"u8.ToArray(), ct);
        await body.FlushAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return true;
    });

    /// <summary>A chunked HTML body without end (64 KiB chunks).</summary>
    public RequestDelegate EndlessChunked(string name)
    {
        var chunk = Encoding.ASCII.GetBytes("<p>" + new string('x', 64 * 1024 - 8) + "</p>\n");
        return context => StreamAsync(name, context, Html, null, async (body, ct) =>
        {
            await body.WriteAsync(chunk, ct);
            return true;
        });
    }

    /// <summary>
    /// <c>Content-Encoding: gzip</c> whose members inflate to <paramref name="gibibytes"/> GiB of spaces while only
    /// about a thousandth of that crosses the wire.
    /// </summary>
    public RequestDelegate GzipBomb(string name, int gibibytes = 4) => context =>
    {
        context.Response.Headers.ContentEncoding = "gzip";
        var members = gibibytes * 64;
        return StreamAsync(name, context, Html, null, async (body, ct) =>
        {
            if (members-- <= 0)
            {
                return false;
            }
            await body.WriteAsync(BombMember.Value, ct);
            return true;
        });
    };

    /// <summary>An HTML page of <paramref name="bytes"/> bytes with an honest Content-Length, generated as it is sent.</summary>
    public RequestDelegate HugePage(string name, long bytes)
    {
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        var left = bytes;
        return context => StreamAsync(name, context, Html, bytes, async (body, ct) =>
        {
            if (left <= 0)
            {
                return false;
            }
            var size = (int)Math.Min(left, chunk.Length);
            await body.WriteAsync(chunk.AsMemory(0, size), ct);
            left -= size;
            return true;
        });
    }

    /// <summary>An article-looking page whose body sits inside <paramref name="depth"/> nested <c>&lt;div&gt;</c>s.</summary>
    public static RequestDelegate Nested(int depth) => context =>
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Глубоко вложенная страница</title></head><body>", depth * 11 + 400);
        html.Insert(html.Length, "<div>", depth);
        html.Append("<p>Продажи новых легковых автомобилей в феврале выросли на двенадцать процентов, сообщили дилеры.</p>");
        html.Insert(html.Length, "</div>", depth);
        html.Append("</body></html>");
        return Bytes(Encoding.UTF8.GetBytes(html.ToString()), Html)(context);
    };

    /// <summary>A redirect (302) to <paramref name="location"/>, as given.</summary>
    public static RequestDelegate RedirectTo(string location) => context =>
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>These bytes with this Content-Type header, as given.</summary>
    public static RequestDelegate Bytes(byte[] body, string contentType) => context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    };

    private async Task StreamAsync(
        string name, HttpContext context, string contentType, long? length, Func<Stream, CancellationToken, Task<bool>> writeNext)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = length;
        var ct = context.RequestAborted;
        try
        {
            await context.Response.StartAsync(ct);
            while (!ct.IsCancellationRequested && await writeNext(context.Response.Body, ct))
            {
            }
            // Once the client has hung up Kestrel drops the writes without throwing (100 MB "sent" in a few ms) and
            // cancels RequestAborted a moment later from the thread pool: a body sent whole may only mean that. Every
            // answer here is one no client reads to the end, so wait for that signal (a hang guard, not a timing).
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            _hungUp[name] = true;
        }
    }
}

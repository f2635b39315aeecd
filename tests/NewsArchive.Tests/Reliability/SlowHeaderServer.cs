using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// A raw TCP server on 127.0.0.1 for slowloris on the headers, which Kestrel cannot serve (it writes a response's
/// headers at once): robots.txt gets a plain 404; any other request gets its status line and headers one byte a
/// second, for ever. Records the request lines and whether a client hung up while the headers were dribbling.
/// </summary>
public sealed class SlowHeaderServer : IAsyncDisposable
{
    private static readonly byte[] NoRobots = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray();
    private static readonly byte[] HeadStart = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: "u8.ToArray();

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requestLines = new();
    private readonly Task _accepting;
    private int _hungUp;

    private SlowHeaderServer(TcpListener listener)
    {
        _listener = listener;
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The request line of every request, in arrival order.</summary>
    public IReadOnlyList<string> RequestLines => [.. _requestLines];

    /// <summary>Whether a client closed its connection before the (endless) headers were done.</summary>
    public bool HungUp => Volatile.Read(ref _hungUp) == 1;

    public static SlowHeaderServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SlowHeaderServer(listener);
    }

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    private async Task AcceptAsync()
    {
        var ct = _stop.Token;
        var clients = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(ct);
                clients.Add(ServeAsync(client, ct));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        await Task.WhenAll(clients);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            var requestLine = await ReadRequestLineAsync(stream, ct);
            _requestLines.Enqueue(requestLine);
            if (requestLine.StartsWith("GET /robots.txt ", StringComparison.Ordinal))
            {
                await stream.WriteAsync(NoRobots, ct);
                return;
            }
            for (var i = 0; ; i++)
            {
                // A header value that never ends: the client can only give up on it.
                await stream.WriteAsync(i < HeadStart.Length ? HeadStart.AsMemory(i, 1) : "a"u8.ToArray(), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Volatile.Write(ref _hungUp, 1);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    /// <summary>Reads the request up to its blank line and returns its first line.</summary>
    private static async Task<string> ReadRequestLineAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                throw new IOException("the client closed the connection before the end of its request");
            }
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }
        var text = Encoding.ASCII.GetString([.. head]);
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace NewsArchive.Fetching;

/// <summary>
/// Fetches pages politely: obeys robots.txt, spaces requests per host, follows redirects itself,
/// retries transient failures, caps body size and sends conditional GETs. Network problems come back
/// as a <see cref="FetchResult"/> with <see cref="FetchResult.Error"/> set; only the caller's
/// cancellation throws.
/// </summary>
public sealed class PageFetcher
{
    // The product token looked for in robots.txt User-agent lines.
    internal const string RobotsProductToken = "NewsArchive";

    // RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; the rest is cut off, not refused.
    private const long RobotsMaxBytes = 512 * 1024;

    private static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Task<HostRobots>>> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a fetcher; build <paramref name="http"/> with <see cref="FetchHttpClientBuilder.Create"/>.</summary>
    public PageFetcher(HttpClient http, FetchOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxResponseBytes, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxUrlLength, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DelayPerHost, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryBaseDelay, TimeSpan.Zero);

        _http = http;
        _options = options;
        _time = time;
    }

    /// <summary>Fetches <paramref name="url"/> unconditionally.</summary>
    public Task<FetchResult> FetchAsync(Uri url, CancellationToken ct) => FetchAsync(url, null, ct);

    /// <summary>Fetches <paramref name="url"/>; with <paramref name="conditional"/>, an unchanged page ends as <see cref="FetchOutcome.NotModified"/>.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, ConditionalHeaders? conditional, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ct.ThrowIfCancellationRequested();

        if (!url.IsAbsoluteUri)
        {
            return Failure(url, url, FetchOutcome.Skipped, "not an absolute URL");
        }

        if (!IsHttp(url))
        {
            return Failure(url, url, FetchOutcome.Skipped, $"unsupported scheme {url.Scheme}");
        }

        url = WithoutCredentials(url);
        if (IsTooLong(url))
        {
            return Failure(url, url, FetchOutcome.Skipped, $"URL longer than {_options.MaxUrlLength} characters");
        }

        return await FetchChainAsync(url, null, conditional, checkRobots: true, _options.MaxResponseBytes, truncate: false, ct);
    }

    /// <summary>
    /// The robots.txt rules for the URL's origin, fetched on first use and kept for this fetcher's lifetime.
    /// A 4xx gives <see cref="RobotsRules.AllowAll"/>; a 5xx or network failure gives <see cref="RobotsRules.DisallowAll"/>.
    /// </summary>
    public async Task<RobotsRules> GetRobotsAsync(Uri anyUrlOnHost, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(anyUrlOnHost);
        if (!anyUrlOnHost.IsAbsoluteUri || !IsHttp(anyUrlOnHost))
        {
            throw new ArgumentException("Only absolute http and https URLs have a robots.txt.", nameof(anyUrlOnHost));
        }

        return (await GetHostRobotsAsync(anyUrlOnHost, null, ct)).Rules;
    }

    private async Task<HostRobots> GetHostRobotsAsync(Uri url, Uri? redirectedFrom, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var entry = _robots.GetOrAdd(origin, key => new Lazy<Task<HostRobots>>(() => LoadRobotsAsync(new Uri(key), redirectedFrom, ct)));
            try
            {
                return await entry.Value.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The load was started by a caller who has since cancelled; drop it and load again.
                _robots.TryRemove(KeyValuePair.Create(origin, entry));
            }
        }
    }

    private async Task<HostRobots> LoadRobotsAsync(Uri origin, Uri? redirectedFrom, CancellationToken ct)
    {
        var robotsUrl = new Uri(origin, "/robots.txt");
        var result = await FetchChainAsync(robotsUrl, redirectedFrom, null, checkRobots: false, RobotsMaxBytes, truncate: true, ct);
        return result switch
        {
            { Outcome: FetchOutcome.Ok } =>
                new HostRobots(RobotsRules.Parse(result.DecodeText(), RobotsProductToken, result.FinalUrl), null),

            // RFC 9309: a 4xx means no rules, and so may a redirect chain that goes nowhere;
            // 408 and 429 say "not now", so they count as unreachable, like a 5xx.
            { StatusCode: >= 300 and < 500 and not 408 and not 429 } or { Outcome: FetchOutcome.Skipped } =>
                new HostRobots(RobotsRules.AllowAll, null),

            // No answer at all (DNS failure, refused connection, timeout): say so, not "robots.txt unavailable".
            { StatusCode: 0, Outcome: FetchOutcome.NetworkError } =>
                new HostRobots(RobotsRules.DisallowAll, $"host {origin.Authority} could not be reached ({result.Error})", FetchOutcome.NetworkError),

            _ => new HostRobots(RobotsRules.DisallowAll, $"robots.txt unavailable ({result.Error})"),
        };
    }

    /// <summary>Fetches <paramref name="url"/> following redirects; <paramref name="redirectedFrom"/> is the public host whose redirect led here, if any.</summary>
    private async Task<FetchResult> FetchChainAsync(
        Uri url, Uri? redirectedFrom, ConditionalHeaders? conditional, bool checkRobots, long maxBytes, bool truncate, CancellationToken ct)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { RedirectKey(url) };
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (checkRobots)
            {
                // A host reached by a redirect from a public one is held to public addresses for its robots.txt too.
                var robots = await GetHostRobotsAsync(current, redirectedFrom, ct);
                if (robots.UnavailableReason is { } unavailable)
                {
                    return Failure(url, current, robots.UnavailableOutcome, unavailable) with { HostUnavailable = true };
                }

                if (!robots.Rules.IsAllowed(current))
                {
                    return Failure(url, current, FetchOutcome.Blocked, "blocked by robots.txt");
                }
            }

            var hop = await SendWithRetriesAsync(current, redirectedFrom, conditional, maxBytes, truncate, ct);
            if (hop.Location is not { } target)
            {
                return hop.Result with { RequestedUrl = url, FinalUrl = current };
            }

            var status = hop.Result.StatusCode;
            if (!IsHttp(target))
            {
                return Failure(url, target, FetchOutcome.Skipped, $"redirect to unsupported scheme {target.Scheme}", status);
            }

            target = WithoutCredentials(target);
            if (IsTooLong(target))
            {
                return Failure(url, target, FetchOutcome.Skipped, $"redirect to a URL longer than {_options.MaxUrlLength} characters", status);
            }

            if (LocalAddress.IsLocal(target) && !LocalAddress.IsLocal(current))
            {
                // A public site has no business sending us into this machine or the local network.
                return Failure(url, target, FetchOutcome.Skipped, $"redirect from {current.IdnHost} to local address {target.IdnHost} refused", status);
            }

            if (redirects >= _options.MaxRedirects)
            {
                return Failure(url, current, FetchOutcome.HttpError, "too many redirects", status);
            }

            if (!visited.Add(RedirectKey(target)))
            {
                return Failure(url, target, FetchOutcome.HttpError, "redirect loop", status);
            }

            // A public host's redirect to another host is also judged by the address that host resolves to, when it is
            // connected. A redirect within one host keeps the judgement by which the chain reached it: the pages of the
            // host a fetch starts on (the user's site) are not judged, so neither are its own redirects.
            redirectedFrom = LocalAddress.IsLocal(current) ? null
                : string.Equals(current.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase) ? redirectedFrom
                : current;
            current = target;
        }
    }

    private async Task<HopResult> SendWithRetriesAsync(
        Uri url, Uri? redirectedFrom, ConditionalHeaders? conditional, long maxBytes, bool truncate, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var hop = await SendOnceAsync(url, redirectedFrom, conditional, maxBytes, truncate, ct);
            if (!hop.IsTransient || attempt >= _options.MaxRetries)
            {
                return hop;
            }

            await Task.Delay(RetryDelay(attempt, hop.RetryAfter), _time, ct);
        }
    }

    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        // Exponential backoff with jitter in [0.5, 1.5) so that many pages failing together spread out.
        var backoff = _options.RetryBaseDelay * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble());
        var delay = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    private async Task<HopResult> SendOnceAsync(
        Uri url, Uri? redirectedFrom, ConditionalHeaders? conditional, long maxBytes, bool truncate, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(url.IdnHost, _ => new HostGate(_time));
        await gate.EnterAsync(() => SpacingFor(url), ct);
        try
        {
            using var timeout = new CancellationTokenSource(_options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (redirectedFrom is not null)
                {
                    request.Options.Set(FetchHttpClientBuilder.PublicAddressOnly, true);
                }
                if (conditional?.ETag is { Length: > 0 } etag)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (conditional?.LastModified is { } lastModified)
                {
                    request.Headers.IfModifiedSince = lastModified;
                }

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var hop = await ReadResponseAsync(url, response, conditional, maxBytes, truncate, linked.Token);
                if (hop.Result.StatusCode is 429 or 503)
                {
                    // The server asked us to slow down: wait as long as it says, and space this host's requests wider.
                    gate.SlowDown(hop.RetryAfter ?? _options.RetryBaseDelay, MaxRetryDelay);
                }

                return hop;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                return NetworkFailure(url, $"timed out after {FetchFormat.Duration(_options.Timeout)}");
            }
            catch (HttpRequestException ex) when (ex.InnerException is LocalAddressException local)
            {
                // DNS rebinding: a public name pointed at this machine or the local network. Not retried.
                return new HopResult(
                    Failure(url, url, FetchOutcome.Skipped, $"redirect from {redirectedFrom?.IdnHost} to {url.IdnHost} refused: it resolves to local address {local.Address}"),
                    null, null, IsTransient: false);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError)
            {
                // A name that does not resolve will not resolve a second later: no retry.
                return NetworkFailure(url, FetchFormat.OneLine(ex.Message)) with { IsTransient = false };
            }
            catch (HttpRequestException ex)
            {
                return NetworkFailure(url, FetchFormat.OneLine(ex.Message));
            }
            catch (IOException ex)
            {
                return NetworkFailure(url, FetchFormat.OneLine(ex.Message));
            }
        }
        finally
        {
            gate.Exit();
        }
    }

    private async Task<HopResult> ReadResponseAsync(
        Uri url, HttpResponseMessage response, ConditionalHeaders? conditional, long maxBytes, bool truncate, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var contentTypeHeader = RawHeader(response.Content.Headers.NonValidated, "Content-Type");
        var result = new FetchResult
        {
            RequestedUrl = url,
            FinalUrl = url,
            StatusCode = status,
            ContentTypeHeader = contentTypeHeader,
            ContentType = MediaTypeOf(contentTypeHeader),
            ETag = RawHeader(response.Headers.NonValidated, "ETag"),
            LastModified = response.Content.Headers.LastModified,
            FetchedAt = _time.GetUtcNow(),
            Outcome = FetchOutcome.Ok,
        };

        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var location = RawHeader(response.Headers.NonValidated, "Location");
            return location is not null && Uri.TryCreate(url, location, out var target)
                ? new HopResult(result, target, null, IsTransient: false)
                : new HopResult(result with { Outcome = FetchOutcome.HttpError, Error = $"HTTP {status} without a usable Location" }, null, null, false);
        }

        if (status == 304)
        {
            var notModified = result with
            {
                Outcome = FetchOutcome.NotModified,
                ETag = result.ETag ?? conditional?.ETag,
                LastModified = result.LastModified ?? conditional?.LastModified,
            };
            return new HopResult(notModified, null, null, false);
        }

        if (status is >= 200 and < 300)
        {
            if (!truncate && _options.AcceptedMediaTypes is { } accepted && result.ContentType is { } type && !accepted.Contains(type))
            {
                // Recorded and skipped: the body of a PDF or an image is never downloaded.
                return new HopResult(result with { Outcome = FetchOutcome.Skipped, Error = $"not a page ({type})" }, null, null, false);
            }

            var body = await ReadBodyAsync(response.Content, maxBytes, truncate, ct);
            return body is null
                ? new HopResult(result with { Outcome = FetchOutcome.TooLarge, Error = $"response larger than {FetchFormat.Bytes(maxBytes)}" }, null, null, false)
                : new HopResult(result with { Body = body, FetchedAt = _time.GetUtcNow() }, null, null, false);
        }

        var transient = status is >= 500 or 408 or 429;
        var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? string.Empty : " " + FetchFormat.OneLine(response.ReasonPhrase);
        var error = result with { Outcome = FetchOutcome.HttpError, Error = $"HTTP {status}{reason}" };
        return new HopResult(error, null, transient ? RetryAfterOf(response) : null, transient);
    }

    // Returns null when the body is over the cap (unless truncating, as for robots.txt).
    private static async Task<byte[]?> ReadBodyAsync(HttpContent content, long maxBytes, bool truncate, CancellationToken ct)
    {
        // With automatic decompression the handler drops Content-Length, so this only catches plain bodies early.
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes && !truncate)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream(declared is > 0 and <= int.MaxValue ? (int)Math.Min(declared.Value, maxBytes) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                var room = maxBytes - buffer.Length;
                if (read > room)
                {
                    if (!truncate)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, (int)room);
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        return delay is { } d && d > TimeSpan.Zero ? d : null;
    }

    private TimeSpan SpacingFor(Uri url)
    {
        var spacing = _options.DelayPerHost;
        if (_robots.TryGetValue(url.GetLeftPart(UriPartial.Authority), out var entry)
            && entry.IsValueCreated
            && entry.Value.IsCompletedSuccessfully
            && entry.Value.Result.Rules.CrawlDelay is { } crawlDelay)
        {
            var capped = crawlDelay < MaxCrawlDelay ? crawlDelay : MaxCrawlDelay;
            spacing = capped > spacing ? capped : spacing;
        }

        return spacing;
    }

    private HopResult NetworkFailure(Uri url, string error) =>
        new(Failure(url, url, FetchOutcome.NetworkError, error), null, null, IsTransient: true);

    private FetchResult Failure(Uri requested, Uri final, FetchOutcome outcome, string error, int status = 0) => new()
    {
        RequestedUrl = requested,
        FinalUrl = final,
        StatusCode = status,
        FetchedAt = _time.GetUtcNow(),
        Outcome = outcome,
        Error = error,
    };

    // A URL longer than any real page address is refused before it costs a request.
    private bool IsTooLong(Uri url) => url.OriginalString.Length > _options.MaxUrlLength || url.AbsoluteUri.Length > _options.MaxUrlLength;

    // Credentials in a URL are never sent nor kept. Dropped rather than refused: the canonical key already
    // ignores them, so refusing would let a link with made-up credentials block the real page's address.
    private static Uri WithoutCredentials(Uri url) =>
        url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = "", Password = "" }.Uri;

    private static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

    // Fragments never reach the server, so they cannot break a loop.
    private static string RedirectKey(Uri url) => url.GetLeftPart(UriPartial.Query);

    private static string? RawHeader(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.ToString() : null;

    private static string? MediaTypeOf(string? contentTypeHeader)
    {
        if (string.IsNullOrWhiteSpace(contentTypeHeader))
        {
            return null;
        }

        var semicolon = contentTypeHeader.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentTypeHeader : contentTypeHeader[..semicolon]).Trim().ToLowerInvariant();
        return mediaType.Length > 0 ? mediaType : null;
    }
}

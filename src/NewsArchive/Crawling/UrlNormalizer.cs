namespace NewsArchive.Crawling;

/// <summary>
/// One canonical spelling per page, so the same article reached through a listing, a feed
/// and a related-news link is stored once.
/// </summary>
public static class UrlNormalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "yclid", "gclid", "fbclid", "from", "internal_visits", "_openstat", "ref", "mc_cid", "mc_eid",
        "mobile", "amp", "utm_referrer", "clid", "erid",
    };

    public static Uri Normalize(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("Only absolute URLs can be normalised.", nameof(url));
        }
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return url;
        }

        // Cutting a trailing slash can leave an escaped dot segment ("/%2E./") last, which the next parse
        // resolves: repeat until the spelling holds, so that a key normalises to itself.
        var current = NormalizeOnce(url);
        for (var pass = 0; pass < 8; pass++)
        {
            var next = NormalizeOnce(current);
            if (next.AbsoluteUri == current.AbsoluteUri)
            {
                break;
            }
            current = next;
        }
        return current;
    }

    private static Uri NormalizeOnce(Uri url)
    {
        // IdnHost drops an IPv6 literal's brackets, and throws for a host IDNA refuses ("\u00AD"); Host is the fallback.
        var host = url.HostNameType == UriHostNameType.IPv6 ? url.Host : StripMirrorPrefixes((IdnHostOrNull(url) ?? url.Host).ToLowerInvariant());

        var path = url.AbsolutePath;
        if (path.EndsWith("/amp/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }
        if (path.Length == 0)
        {
            path = "/";
        }

        var query = NormalizeQuery(url.Query);
        var port = url.IsDefaultPort ? "" : ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Uri($"{url.Scheme}://{host}{port}{path}{query}");
    }

    public static string NormalizeString(Uri url) => Normalize(url).AbsoluteUri;

    /// <summary>
    /// Resolves an href against a base, dropping the fragment; null for non-web links. The result is
    /// what to fetch (servers may insist on their own spelling); <see cref="Normalize"/> gives the key.
    /// </summary>
    public static Uri? Resolve(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }
        href = href.Trim();
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!Uri.TryCreate(baseUrl, href, out var resolved))
        {
            return null;
        }
        if ((resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps) || IdnHostOrNull(resolved) is null)
        {
            // A host IDNA refuses can be neither fetched nor keyed.
            return null;
        }
        return resolved.Fragment.Length == 0 ? resolved : new UriBuilder(resolved) { Fragment = "" }.Uri;
    }

    /// <summary>Same site: equal hosts once "www." and "m." are stripped.</summary>
    public static bool IsSameSite(Uri a, Uri b) =>
        string.Equals(SiteHost(a), SiteHost(b), StringComparison.OrdinalIgnoreCase);

    public static string SiteHost(Uri url) => Normalize(new Uri(url.GetLeftPart(UriPartial.Authority))).Authority;

    /// <summary>
    /// "www." and "m." name the same site; strips them as long as a dotted name remains, and repeatedly,
    /// so "m.www.example.com" and its normal form give one key and "www.ru" stays a host.
    /// </summary>
    private static string StripMirrorPrefixes(string host)
    {
        while (true)
        {
            var prefix = host.StartsWith("www.", StringComparison.Ordinal) ? 4 : host.StartsWith("m.", StringComparison.Ordinal) ? 2 : 0;
            if (prefix == 0 || host.IndexOf('.', prefix) <= prefix)
            {
                return host;
            }
            host = host[prefix..];
        }
    }

    private static string? IdnHostOrNull(Uri url)
    {
        try
        {
            return url.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static string NormalizeQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }
        var kept = new List<string>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name))
            {
                continue;
            }
            kept.Add(pair);
        }
        if (kept.Count == 0)
        {
            return "";
        }
        kept.Sort(StringComparer.Ordinal);
        return "?" + string.Join('&', kept);
    }
}

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

        var host = url.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        else if (host.StartsWith("m.", StringComparison.Ordinal) && host.Count(c => c == '.') >= 2)
        {
            host = host[2..];
        }

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
        if (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }
        return resolved.Fragment.Length == 0 ? resolved : new UriBuilder(resolved) { Fragment = "" }.Uri;
    }

    /// <summary>Same site: equal hosts once "www." and "m." are stripped.</summary>
    public static bool IsSameSite(Uri a, Uri b) =>
        string.Equals(SiteHost(a), SiteHost(b), StringComparison.OrdinalIgnoreCase);

    public static string SiteHost(Uri url) => Normalize(new Uri(url.GetLeftPart(UriPartial.Authority))).Authority;

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

using System.Globalization;
using NewsArchive.Fetching;

namespace NewsArchive.Sites;

public static class SiteNames
{
    private static readonly string TooLong = string.Create(CultureInfo.InvariantCulture, $"URL longer than {FetchOptions.DefaultMaxUrlLength} characters");

    /// <summary>The default short name of a site: its host without "www.".</summary>
    public static string FromUrl(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>Accepts "abreview.ru/ab/news/" as well as full http(s) URLs.</summary>
    public static bool TryParseStartUrl(string text, out Uri url, out string error)
    {
        url = null!;
        text = text.Trim();
        if (text.Length == 0)
        {
            error = "empty URL";
            return false;
        }
        if (text.StartsWith('-'))
        {
            // A mistyped option must not become a site called "--bogus".
            error = $"'{text}' is an unknown option, not a URL";
            return false;
        }
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // "javascript:…", "mailto:…", "data:…" name a scheme; "localhost:8080/…" and "abreview.ru:8080/…" a host and port.
            var colon = text.IndexOf(':');
            var scheme = colon > 0 ? text[..colon] : "";
            if (scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-')
                && !(colon + 1 < text.Length && char.IsAsciiDigit(text[colon + 1])))
            {
                error = $"only http and https URLs can be archived, not {scheme.ToLowerInvariant()}:";
                return false;
            }
            text = "https://" + text;
        }
        // The fetcher would skip a longer one; refused here so that no site is added that can never be fetched.
        if (text.Length > FetchOptions.DefaultMaxUrlLength)
        {
            error = TooLong;
            return false;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            error = $"'{text}' is not a valid URL";
            return false;
        }
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            error = $"only http and https URLs can be archived, not {parsed.Scheme}:";
            return false;
        }
        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            error = "URLs with credentials are not accepted";
            return false;
        }
        if (parsed.AbsoluteUri.Length > FetchOptions.DefaultMaxUrlLength)
        {
            // Percent-encoding and punycode can lengthen what was typed.
            error = TooLong;
            return false;
        }
        url = parsed;
        error = "";
        return true;
    }
}

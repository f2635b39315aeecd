using CsCheck;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>URL-shaped strings: odd schemes and case, credentials, ports, IDN and Cyrillic hosts and paths, dot segments, percent-encoding, tracking queries, fragments.</summary>
internal static class UrlGen
{
    private static readonly Gen<string> Scheme = Gen.OneOf(
        "http://", "https://", "HTTP://", "HtTpS://", "ftp://", "file:///", "mailto:", "javascript:", "data:text/html,", "//", "", "http:", "https:/", "\thttp://");

    private static readonly Gen<string> UserInfo = Gen.OneOf("", "", "", "user:pass@", "u@", "%40:%3A@", "a:b:c@");

    private static readonly Gen<string> Host = Gen.OneOf(
        "abreview.ru", "www.abreview.ru", "m.autostat.ru", "ABREVIEW.RU", "WWW.Example.COM", "m.m.example.com", "www.www.example.com",
        "xn--80ak6aa92e.com", "пример.рф", "WWW.Пример.РФ", "münchen.de", "127.0.0.1", "[::1]", "[2001:db8::1]", "localhost",
        "a.b.c.d.e", "example.com.", "m.ru", "www.", "xn--e1afmkfd.xn--p1ai", "exa_mple.com", "1.2.3", "0x7f.1");

    private static readonly Gen<string> Port = Gen.OneOf("", "", "", ":80", ":443", ":8080", ":0", ":65535", ":99999", ":", ":08");

    private static readonly Gen<string> Segment = Gen.OneOf(
        "", ".", "..", "ab", "news", "amp", "AMP", "новости", "%D0%BD%D0%BE", "%d0%bd", "%2F", "%2e", "%2E%2e", "a b", "a%20b",
        "%", "%zz", "~user", "UPPER", "index.html", "rynok", "2026", "03", "page", "%00", "a+b", ";p=1", "ёлка", "\u00ad", "a\\b");

    private static readonly Gen<string> Pair = Gen.OneOf(
        "utm_source=x", "UTM_Medium=z", "b=2", "a=1", "PAGEN_1=2", "a", "=", "", "q=%D0%BF", "q=п", "x=1", "x=2", "amp", "from=main",
        "a=b=c", "yclid=5", "id=10&id=2", "%26=%3D", "q=a+b", "q=a%20b", "ref", "s=%zz");

    private static readonly Gen<string> Fragment = Gen.OneOf("", "", "", "#", "#top", "#a?b", "#%20", "#comments", "#/route?x=1", "##");

    private static readonly Gen<string> Path = Segment.Array[0, 6].SelectMany(
        segments => Gen.OneOf("", "/").Select(trailing => (segments.Length == 0 ? "" : "/" + string.Join('/', segments)) + trailing));

    private static readonly Gen<string> Query = Pair.Array[0, 5].Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join('&', pairs));

    /// <summary>Absolute and scheme-relative URLs assembled from the pieces above.</summary>
    public static readonly Gen<string> Url = Gen.Select(Scheme, UserInfo, Host, Port, Path, Query, Fragment)
        .Select(parts => parts.Item1 + parts.Item2 + parts.Item3 + parts.Item4 + parts.Item5 + parts.Item6 + parts.Item7);

    /// <summary>Hrefs as pages write them: relative paths, queries and fragments alone, absolute URLs, junk.</summary>
    public static readonly Gen<string> Href = Gen.Frequency(
        (4, Url),
        (3, Gen.Select(Path, Query, Fragment).Select(parts => parts.Item1.TrimStart('/') + parts.Item2 + parts.Item3)),
        (2, Gen.Select(Path, Query, Fragment).Select(parts => parts.Item1 + parts.Item2 + parts.Item3)),
        (1, Gen.String[0, 40]));
}

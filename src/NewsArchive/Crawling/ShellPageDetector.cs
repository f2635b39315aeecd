using System.Text.RegularExpressions;
using NewsArchive.Parsing;

namespace NewsArchive.Crawling;

/// <summary>
/// Recognises a JavaScript-only shell: a page whose text is written by scripts in the browser, so that without
/// them there is no article (a tiny body, an empty mount point, most of the bytes in scripts, or a noscript plea).
/// </summary>
public static partial class ShellPageDetector
{
    // The patterns run over whole pages (up to 10 MB): non-backtracking, so thousands of unclosed <script>s stay linear.
    private const int MaxShellBodyLength = 200;

    public static bool LooksLikeShell(string html, ParsedPage page)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Kind == PageKind.Article || page.Body.Length >= MaxShellBodyLength)
        {
            return false;
        }
        var scriptChars = Scripts().Matches(html).Sum(m => m.Length);
        return scriptChars * 2 > html.Length || MountPoint().IsMatch(html) || NoScriptPlea().IsMatch(html);
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<div\s+id=[""']?(root|app|__next|__nuxt|svelte)[""']?\s*>\s*</div>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MountPoint();

    [GeneratedRegex(@"<noscript[^>]*>[^<]*(enable\s+javascript|javascript\s+(is\s+)?(required|disabled)|включите\s+javascript|требуется\s+javascript)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NoScriptPlea();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>
/// Corpus files are UTF-8, which cannot hold a lone surrogate; such a code unit is spelled <c>{U+D800}</c>
/// in the file and turned back into the char when the file is read.
/// </summary>
internal static partial class CorpusText
{
    public static string Read(string path) =>
        LoneSurrogate().Replace(File.ReadAllText(path, new UTF8Encoding(false)), m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    public static string Escape(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]);
            if (char.IsSurrogate(c) && !paired)
            {
                b.Append(CultureInfo.InvariantCulture, $"{{U+{(int)c:X4}}}");
            }
            else
            {
                b.Append(c);
            }
        }

        return b.ToString();
    }

    [GeneratedRegex(@"\{U\+(D[89A-F][0-9A-F]{2})\}")]
    private static partial Regex LoneSurrogate();
}

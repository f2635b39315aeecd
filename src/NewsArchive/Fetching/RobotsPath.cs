using System.Text;

namespace NewsArchive.Fetching;

/// <summary>Normalising and matching of robots.txt path patterns (RFC 9309 section 2.2.2 and 2.2.3).</summary>
internal static class RobotsPath
{
    /// <summary>
    /// Brings a path or pattern to one spelling: non-ASCII and blanks percent-encoded as UTF-8,
    /// escapes of unreserved characters decoded, other escapes in upper-case hex.
    /// </summary>
    public static string Normalize(string value)
    {
        if (!NeedsNormalizing(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length;)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                var octet = (HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]);
                if (IsUnreserved(octet))
                {
                    builder.Append((char)octet);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                }

                i += 3;
            }
            else if (c <= ' ' || c >= 0x7F)
            {
                Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed);
                var length = rune.EncodeToUtf8(utf8);
                for (var k = 0; k < length; k++)
                {
                    builder.Append('%').Append(HexDigit(utf8[k] >> 4)).Append(HexDigit(utf8[k] & 0xF));
                }

                i += Math.Max(consumed, 1);
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether <paramref name="pattern"/> matches the start of <paramref name="path"/>, with '*' for any run
    /// of characters and a final '$' anchoring the end. Tracks every reachable path offset at once, so the
    /// cost is at most pattern length times path length and nothing backtracks.
    /// </summary>
    /// <param name="positions">Scratch space of at least <c>path.Length + 1</c> entries.</param>
    public static bool Matches(string path, string pattern, Span<int> positions)
    {
        // positions[0..count] holds, in ascending order, the path offsets the pattern so far can end at.
        positions[0] = 0;
        var count = 1;
        for (var p = 0; p < pattern.Length; p++)
        {
            var c = pattern[p];
            if (c == '$' && p == pattern.Length - 1)
            {
                return positions[count - 1] == path.Length;
            }

            if (c == '*')
            {
                var first = positions[0];
                count = path.Length - first + 1;
                for (var k = 0; k < count; k++)
                {
                    positions[k] = first + k;
                }

                continue;
            }

            var next = 0;
            for (var k = 0; k < count; k++)
            {
                var at = positions[k];
                if (at < path.Length && path[at] == c)
                {
                    positions[next++] = at + 1;
                }
            }

            if (next == 0)
            {
                return false;
            }

            count = next;
        }

        return true;
    }

    private static bool NeedsNormalizing(string value)
    {
        foreach (var c in value)
        {
            if (c == '%' || c <= ' ' || c >= 0x7F)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnreserved(int octet) =>
        octet is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}

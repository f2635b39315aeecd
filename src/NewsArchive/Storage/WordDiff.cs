using System.Text;

namespace NewsArchive.Storage;

/// <summary>
/// A word-level diff (longest common subsequence over whitespace-separated words, punctuation kept with its
/// word) between two versions of an article, rendered wdiff-style: [-removed-] {+added+}.
/// </summary>
public static class WordDiff
{
    // Beyond this many cells the edit is a rewrite: the changed middle is shown as removed then added.
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPiece> Compute(string? oldText, string? newText)
    {
        var a = Words(oldText);
        var b = Words(newText);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var pieces = new List<DiffPiece>();
        Add(pieces, DiffKind.Same, a[..prefix]);
        var oldMiddle = a[prefix..(a.Length - suffix)];
        var newMiddle = b[prefix..(b.Length - suffix)];
        if ((long)oldMiddle.Length * newMiddle.Length > MaxCells)
        {
            Add(pieces, DiffKind.Removed, oldMiddle);
            Add(pieces, DiffKind.Added, newMiddle);
        }
        else
        {
            Lcs(pieces, oldMiddle, newMiddle);
        }
        Add(pieces, DiffKind.Same, a[(a.Length - suffix)..]);
        return pieces;
    }

    /// <summary>One line of text; unchanged runs longer than twice <paramref name="context"/> words are cut to « … ».</summary>
    public static string Render(IReadOnlyList<DiffPiece> pieces, int context = 6)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            switch (piece.Kind)
            {
                case DiffKind.Removed:
                    text.Append("[-").AppendJoin(' ', piece.Words).Append("-]");
                    break;
                case DiffKind.Added:
                    text.Append("{+").AppendJoin(' ', piece.Words).Append("+}");
                    break;
                default:
                    var keepStart = i == 0 ? 0 : context;
                    var keepEnd = i == pieces.Count - 1 ? 0 : context;
                    if (piece.Words.Count <= keepStart + keepEnd + 1)
                    {
                        text.AppendJoin(' ', piece.Words);
                    }
                    else
                    {
                        text.AppendJoin(' ', piece.Words.Take(keepStart));
                        text.Append(keepStart > 0 ? " … " : "… ");
                        text.AppendJoin(' ', piece.Words.Skip(piece.Words.Count - keepEnd));
                    }
                    break;
            }
        }
        return text.ToString().Trim();
    }

    public static bool HasChanges(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Kind != DiffKind.Same);

    private static string[] Words(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static void Lcs(List<DiffPiece> pieces, string[] a, string[] b)
    {
        // lengths[i, j]: the LCS of a[i..] and b[j..], filled from the end so the walk below goes forwards.
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(pieces, DiffKind.Same, [a[x++]]);
                y++;
            }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                Add(pieces, DiffKind.Removed, [a[x++]]);
            }
            else
            {
                Add(pieces, DiffKind.Added, [b[y++]]);
            }
        }
    }

    // Consecutive words of one kind join into one piece.
    private static void Add(List<DiffPiece> pieces, DiffKind kind, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return;
        }
        if (pieces.Count > 0 && pieces[^1].Kind == kind && pieces[^1].Words is List<string> last)
        {
            last.AddRange(words);
        }
        else
        {
            pieces.Add(new DiffPiece(kind, new List<string>(words)));
        }
    }
}

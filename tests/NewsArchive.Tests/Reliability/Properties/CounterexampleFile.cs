using System.Security.Cryptography;
using System.Text;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>
/// Keeps the shortest failing input of one property run in full in a temporary file (CsCheck's message cuts
/// long HTML), so it can be copied into Reliability/Corpus as a regression case (lone surrogates spelled as <see cref="CorpusText"/> reads them).
/// </summary>
internal sealed class CounterexampleFile
{
    private readonly object _gate = new();
    private int _shortest = int.MaxValue;

    public void Offer(string input)
    {
        lock (_gate)
        {
            if (input.Length >= _shortest)
            {
                return;
            }

            _shortest = input.Length;
            var folder = Path.Combine(Path.GetTempPath(), "newsarchive-counterexamples");
            Directory.CreateDirectory(folder);
            var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..16] + ".txt";
            File.WriteAllText(Path.Combine(folder, name), CorpusText.Escape(input), new UTF8Encoding(false));
        }
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NewsArchive.Fetching;

namespace NewsArchive.Benchmarks;

/// <summary>SmartReader as an extract command, so devset.py scores the baseline's quality on the same pages.</summary>
public static class SmartReaderExtract
{
    public static int Run(IEnumerable<string> files)
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        foreach (var file in files)
        {
            var html = CharsetDecoder.Decode(File.ReadAllBytes(file), null);
            string? title = null, body = null, published = null;
            try
            {
                var article = new SmartReader.Reader("https://example.org/news/article/", html).GetArticle();
                foreach (var error in article.Errors)
                {
                    Console.Error.WriteLine($"{file}: {error.Message}");
                }
                title = article.Title;
                body = article.TextContent;
                published = article.PublicationDate?.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"{file}: {ex.Message}");
            }
            Console.WriteLine(JsonSerializer.Serialize(new { file, title, body, published }, options));
        }
        return 0;
    }
}

using System.Globalization;
using System.Text;

namespace NewsArchive.Storage;

public sealed partial class ArchiveStore
{
    // A body shorter than this is a teaser or an extraction failure, not an article text.
    private const int MinimumBodyLength = 200;

    /// <summary>Counts over the articles the query's filters select (its text, sort and limit are ignored).</summary>
    public ArchiveStats GetStats(ArticleQuery query)
    {
        var filters = new StringBuilder();
        var parameters = new List<(string Name, object Value)>();
        AppendFilters(filters, parameters, query);
        lock (_gate)
        {
            var sites = new List<SiteStats>();
            using (var command = Command($"""
                SELECT coalesce(s.name, '(removed site)'), count(*),
                       sum(length(a.body) >= {MinimumBodyLength}), sum(a.published IS NOT NULL),
                       sum(a.views IS NOT NULL OR a.comments IS NOT NULL),
                       min(substr(a.published, 1, 10)), max(substr(a.published, 1, 10))
                FROM articles a LEFT JOIN sites s ON s.id = a.site_id
                WHERE 1 = 1 {filters}
                GROUP BY s.name ORDER BY count(*) DESC, s.name
                """))
            {
                AddParameters(command, parameters);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    sites.Add(new SiteStats(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                        reader.IsDBNull(5) ? null : ParseDay(reader.GetString(5)), reader.IsDBNull(6) ? null : ParseDay(reader.GetString(6))));
                }
            }
            var days = new List<DayCount>();
            var undated = 0;
            using (var command = Command($"""
                SELECT substr(a.published, 1, 10) AS day, count(*)
                FROM articles a LEFT JOIN sites s ON s.id = a.site_id
                WHERE 1 = 1 {filters}
                GROUP BY day ORDER BY day
                """))
            {
                AddParameters(command, parameters);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (reader.IsDBNull(0) || ParseDay(reader.GetString(0)) is not { } day)
                    {
                        undated += reader.GetInt32(1);
                        continue;
                    }
                    days.Add(new DayCount(day, reader.GetInt32(1)));
                }
            }
            return new ArchiveStats(sites, days, sites.Sum(s => s.Articles), undated);
        }
    }

    private static void AddParameters(Microsoft.Data.Sqlite.SqliteCommand command, IEnumerable<(string Name, object Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

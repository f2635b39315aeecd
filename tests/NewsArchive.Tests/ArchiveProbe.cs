using Microsoft.Data.Sqlite;

namespace NewsArchive.Tests;

/// <summary>Reads an archive file with plain SQL, read-only, so tests can assert on exactly what it holds.</summary>
public static class ArchiveProbe
{
    public static long Count(string dbPath, string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(Scalar(dbPath, sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    public static object? Scalar(string dbPath, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(dbPath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteScalar();
    }

    public static IReadOnlyList<string?[]> Rows(string dbPath, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(dbPath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static SqliteConnection Open(string dbPath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Intake.Bench.Storage;

/// <summary>The embedded default: one SQLite file per figure under the run's scratch folder (--connection is not used).</summary>
internal sealed class SqliteBenchStorage(string scratchFolder) : IBenchStorage
{
    public string Provider => "Sqlite";

    public string JobStorage => "Hangfire in-memory";

    public string WriteContention =>
        "SQLite lets one writer at a time into the whole file, and a write that finds the lock taken is retried by " +
        "Microsoft.Data.Sqlite only every 150 ms, its thread asleep meanwhile";

    public Task<string> CreateDatabaseAsync(string name)
    {
        var path = Path.Combine(scratchFolder, $"{name}.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
    }

    public IReadOnlyDictionary<string, string> HostSettings(string connectionString) => new Dictionary<string, string>
    {
        ["Storage:Provider"] = Provider,
        ["Storage:ConnectionString"] = connectionString,
    };

    public async Task<DbConnection> OpenAsync(string connectionString)
    {
        // EF Core turns foreign keys on for its SQLite connections; the raw baseline checks the same constraints.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>EF Core stores a Guid in SQLite as upper-case text.</summary>
    public object Key(Guid id) => id.ToString().ToUpperInvariant();

    public async Task<string> DescribeAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        var version = await Scalar.TextAsync(connection, "SELECT sqlite_version();");
        var journal = await Scalar.TextAsync(connection, "PRAGMA journal_mode;");
        var synchronous = await Scalar.TextAsync(connection, "PRAGMA synchronous;") switch
        {
            "0" => "OFF",
            "1" => "NORMAL",
            "2" => "FULL",
            "3" => "EXTRA",
            var other => other,
        };
        return $"SQLite {version} file, journal {journal}, synchronous {synchronous}";
    }
}

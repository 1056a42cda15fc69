using System.Data.Common;
using Npgsql;

namespace Intake.Bench.Storage;

/// <summary>
/// A PostgreSQL database per figure on the server --connection names (a role that may create databases; by
/// default the local one scripts/start-postgres.sh makes). Hangfire's jobs live in the same database.
/// </summary>
internal sealed class PostgreSqlBenchStorage(string? server) : IBenchStorage
{
    private readonly string _server = server ?? "Host=127.0.0.1;Username=intake;Password=intake";

    public string Provider => "PostgreSql";

    public string JobStorage => "Hangfire.PostgreSql in the same database";

    public string WriteContention =>
        "PostgreSQL locks rows, not the database, so concurrent transactions commit side by side, each waiting for " +
        "its write-ahead log to reach the disk";

    public async Task<string> CreateDatabaseAsync(string name)
    {
        var database = $"intake_bench_{name}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(With(_server, "postgres")))
        {
            await connection.OpenAsync();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", $"CREATE DATABASE \"{database}\"" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        return With(_server, database);
    }

    public IReadOnlyDictionary<string, string> HostSettings(string connectionString) => new Dictionary<string, string>
    {
        ["Storage:Provider"] = Provider,
        ["Storage:ConnectionString"] = connectionString,
    };

    public async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Npgsql maps a Guid to uuid.</summary>
    public object Key(Guid id) => id;

    public async Task<string> DescribeAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        return $"PostgreSQL {await Scalar.TextAsync(connection, "SHOW server_version")}, fsync {await Scalar.TextAsync(connection, "SHOW fsync")}, " +
            $"synchronous_commit {await Scalar.TextAsync(connection, "SHOW synchronous_commit")}, max_connections {await Scalar.TextAsync(connection, "SHOW max_connections")}";
    }

    /// <summary>The server's string with this database; each process keeps at most 20 connections unless it says otherwise.</summary>
    private static string With(string server, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        if (!server.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = 20;
        return builder.ConnectionString;
    }
}

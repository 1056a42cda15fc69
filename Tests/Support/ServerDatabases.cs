using Hangfire.PostgreSql;
using Intake.Domain.Data;
using Intake.Domain.Data.Providers;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Intake.Tests.Support;

/// <summary>
/// Fresh databases for tests on a server. PostgreSQL: the migrations and Hangfire's schema are applied once per
/// test run to a template database, and each test's database is a copy of it (CREATE DATABASE ... TEMPLATE, a
/// fraction of a second). SQL Server: each database is created and migrated by EF Core.
/// </summary>
internal static class ServerDatabases
{
    private static readonly Lazy<string> PostgresTemplate = new(CreatePostgresTemplate);

    private static string PostgresServer => Environment.GetEnvironmentVariable("INTAKE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("INTAKE_TEST_PROVIDER=PostgreSql needs INTAKE_TEST_POSTGRES (a connection string without a database).");

    private static string SqlServer => Environment.GetEnvironmentVariable("INTAKE_TEST_SQLSERVER")
        ?? throw new InvalidOperationException("INTAKE_TEST_PROVIDER=SqlServer needs INTAKE_TEST_SQLSERVER (a connection string without a database).");

    public static string Create()
    {
        var name = $"intake_test_{Guid.NewGuid():N}";
        if (TestDatabase.Provider == StorageProvider.PostgreSql)
        {
            Execute(PostgresServer, $"CREATE DATABASE \"{name}\" TEMPLATE \"{PostgresTemplate.Value}\"");
            return WithDatabase(PostgresServer, name);
        }

        var connectionString = new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = name }.ConnectionString;
        using var db = IntakeDatabase.Open(StorageProvider.SqlServer, connectionString);
        db.Database.Migrate();
        return connectionString;
    }

    public static void Drop(string connectionString)
    {
        if (TestDatabase.Provider == StorageProvider.PostgreSql)
        {
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
            using (var connection = new NpgsqlConnection(connectionString))
                NpgsqlConnection.ClearPool(connection);
            DropPostgres(name);
            return;
        }

        var catalog = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        using (var connection = new SqlConnection(connectionString))
            SqlConnection.ClearPool(connection);
        using var master = new SqlConnection(new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = "master" }.ConnectionString);
        master.Open();
        using var drop = master.CreateCommand();
        drop.CommandText = """
            IF DB_ID(@name) IS NOT NULL
            BEGIN
                DECLARE @sql nvarchar(max) = N'ALTER DATABASE ' + QUOTENAME(@name) + N' SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ' + QUOTENAME(@name);
                EXEC sp_executesql @sql;
            END
            """;
        drop.Parameters.AddWithValue("@name", catalog);
        drop.ExecuteNonQuery();
    }

    /// <summary>Drops this run's template; called once when the run ends.</summary>
    public static void DropTemplate()
    {
        if (PostgresTemplate.IsValueCreated)
            DropPostgres(PostgresTemplate.Value);
    }

    /// <summary>
    /// FORCE ends the database's sessions, but refuses (42501) when one belongs to a role this one may not signal,
    /// such as an autovacuum worker that just started on the new database; those finish in moments.
    /// </summary>
    private static void DropPostgres(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute(PostgresServer, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }

    private static string CreatePostgresTemplate()
    {
        var name = $"intake_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        var connectionString = WithDatabase(PostgresServer, name);
        using (var db = IntakeDatabase.Open(StorageProvider.PostgreSql, connectionString))
            db.Database.Migrate();
        _ = new PostgreSqlStorage(
            new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions { SchemaName = "hangfire" }),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
        // A template must have no sessions when it is copied: close the pooled ones, end any the storage kept.
        NpgsqlConnection.ClearAllPools();
        Execute(PostgresServer, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        return name;
    }

    /// <summary>
    /// The server's string with this database. Each test process gets at most 20 connections per database unless
    /// the string says otherwise, so two Api and two Worker processes stay inside PostgreSQL's default 100.
    /// </summary>
    private static string WithDatabase(string server, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        if (!server.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = 20;
        return builder.ConnectionString;
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(WithDatabase(server, "postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

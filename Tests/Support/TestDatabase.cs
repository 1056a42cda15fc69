using Intake.Domain.Data;
using Intake.Domain.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Support;

/// <summary>
/// A test's own database on the provider this run is for (<see cref="Provider"/>): a SQLite file in a scratch
/// folder, or a fresh database on the PostgreSQL or SQL Server named by the environment. Read back with its own
/// context; dropped on dispose. The scratch folder also holds the outbox.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = TestPaths.NewScratchFolder();
        ConnectionString = Provider switch
        {
            StorageProvider.Sqlite => $"Data Source={Path.Combine(Folder, "intake.db")}",
            _ => ServerDatabases.Create(),
        };
    }

    /// <summary>INTAKE_TEST_PROVIDER: Sqlite (default), PostgreSql (with INTAKE_TEST_POSTGRES) or SqlServer (with INTAKE_TEST_SQLSERVER).</summary>
    public static StorageProvider Provider { get; } =
        Enum.TryParse<StorageProvider>(Environment.GetEnvironmentVariable("INTAKE_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : StorageProvider.Sqlite;

    /// <summary>True when the run is on a database server that several processes share.</summary>
    public static bool IsShared { get; } = new StorageOptions { Provider = Provider }.SharesJobs;

    public string Folder { get; }

    public string ConnectionString { get; }

    public string OutboxFolder => Path.Combine(Folder, "outbox");

    /// <summary>What a host needs to use this database, as configuration keys.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["Storage:ConnectionString"] = ConnectionString,
    };

    public IntakeDbContext Open() => IntakeDatabase.Open(Provider, ConnectionString);

    public async Task<(int Requests, int Messages)> CountRowsAsync()
    {
        await using var db = Open();
        return (await db.ConsultationRequests.CountAsync(), await db.Messages.CountAsync());
    }

    /// <summary>The database goes away under a running host (the file deleted, the server database dropped).</summary>
    public void Remove()
    {
        if (Provider == StorageProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(Path.Combine(Folder, "intake.db"));
        }
        else
        {
            ServerDatabases.Drop(ConnectionString);
        }
    }

    public void Dispose()
    {
        if (Provider == StorageProvider.Sqlite)
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        else
            ServerDatabases.Drop(ConnectionString);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

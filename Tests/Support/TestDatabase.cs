using Intake.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Support;

/// <summary>A real SQLite file in a scratch folder, read back with its own context.</summary>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = TestPaths.NewScratchFolder();
        ConnectionString = $"Data Source={Path.Combine(Folder, "intake.db")}";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public string OutboxFolder => Path.Combine(Folder, "outbox");

    public IntakeDbContext Open() =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseSqlite(ConnectionString).Options);

    public async Task<(int Requests, int Messages)> CountRowsAsync()
    {
        await using var db = Open();
        return (await db.ConsultationRequests.CountAsync(), await db.Messages.CountAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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

using Intake.Domain.Practices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies the provider's pending migrations (creating the database, or for SQLite its file's folder, when
    /// missing) and seeds the configured therapists. EF Core's migration lock serialises hosts migrating at once.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.Sqlite)
            CreateFolderFor(storage.ConnectionString);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (storage.Provider == StorageProvider.Sqlite)
        {
            // WAL lets the Api write while the Worker reads; the setting stays with the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await SeedTherapistsAsync(db, services.GetRequiredService<IOptions<PracticeOptions>>().Value, cancellationToken);
    }

    private static void CreateFolderFor(string sqliteConnectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// Adds each configured therapist the database does not have yet. Existing ones are left alone: after the
    /// first start their hours are edited through the API, and configuration must not undo that.
    /// </summary>
    private static async Task SeedTherapistsAsync(IntakeDbContext db, PracticeOptions practice, CancellationToken cancellationToken)
    {
        var known = await db.Therapists.Select(t => t.Id).ToListAsync(cancellationToken);
        var missing = practice.Therapists.Where(t => !known.Contains(t.Id)).Select(Therapist.FromSettings).ToList();
        if (missing.Count == 0)
            return;
        db.Therapists.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The other host may have seeded them at the same moment; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await db.Therapists.CountAsync(cancellationToken) < practice.Therapists.Count)
                throw;
        }
    }
}

using Intake.Domain.Data;
using Intake.Domain.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Intake.Tests.Data;

/// <summary>
/// Each provider's model against its committed migrations, built without a server: what runs here for SQL Server
/// as well, which cannot run on these machines.
/// </summary>
public class MigrationTests
{
    private static readonly Dictionary<StorageProvider, string> OfflineConnection = new()
    {
        [StorageProvider.Sqlite] = "Data Source=never-opened.db",
        [StorageProvider.PostgreSql] = "Host=never-opened;Database=intake",
        [StorageProvider.SqlServer] = "Server=never-opened;Database=intake;TrustServerCertificate=True",
    };

    private static IntakeDbContext Open(StorageProvider provider) => IntakeDatabase.Open(provider, OfflineConnection[provider]);

    [TestCase(StorageProvider.Sqlite)]
    [TestCase(StorageProvider.PostgreSql)]
    [TestCase(StorageProvider.SqlServer)]
    public void Model_HasNoChangeItsMigrationsLack(StorageProvider provider)
    {
        using var db = Open(provider);

        Assert.That(db.Database.GetMigrations(), Is.Not.Empty);
        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            $"the model changed: add a migration with dotnet ef migrations add <Name> --context {db.GetType().Name} (see README)");
    }

    [TestCase(StorageProvider.Sqlite, "CONSTRAINT \"PK_SlotHolds\" PRIMARY KEY (\"TherapistId\", \"Minute\")")]
    [TestCase(StorageProvider.PostgreSql, "CONSTRAINT \"PK_SlotHolds\" PRIMARY KEY (\"TherapistId\", \"Minute\")")]
    [TestCase(StorageProvider.SqlServer, "CONSTRAINT [PK_SlotHolds] PRIMARY KEY ([TherapistId], [Minute])")]
    public void Migrations_OnEveryProvider_MakeTheDatabaseRefuseOverlappingHolds(StorageProvider provider, string primaryKey)
    {
        using var db = Open(provider);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.That(script, Does.Contain(primaryKey));
    }

    [TestCase(StorageProvider.PostgreSql, "\"DueAt\" timestamp with time zone NOT NULL")]
    [TestCase(StorageProvider.SqlServer, "[DueAt] datetime2 NOT NULL")]
    [TestCase(StorageProvider.Sqlite, "\"DueAt\" INTEGER NOT NULL")]
    public void Migrations_StoreInstantsAsEachProvidersOwnType(StorageProvider provider, string column)
    {
        using var db = Open(provider);

        Assert.That(db.GetService<IMigrator>().GenerateScript(), Does.Contain(column));
    }
}

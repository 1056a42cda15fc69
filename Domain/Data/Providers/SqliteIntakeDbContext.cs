using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Data.Providers;

/// <summary>The embedded default: one file, its migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteIntakeDbContext(DbContextOptions<SqliteIntakeDbContext> options) : IntakeDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no instant type: ticks since the Unix epoch keep order and comparisons in SQL exact.
        configurationBuilder.Properties<Instant>().HaveConversion<InstantToTicksConverter>();
    }
}

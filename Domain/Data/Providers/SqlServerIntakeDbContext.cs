using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Data.Providers;

/// <summary>SQL Server: instants are datetime2 in UTC; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerIntakeDbContext(DbContextOptions<SqlServerIntakeDbContext> options) : IntakeDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Instant>().HaveConversion<InstantToUtcDateTimeConverter>().HaveColumnType("datetime2");
    }
}

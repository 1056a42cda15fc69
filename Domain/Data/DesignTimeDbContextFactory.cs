using Intake.Domain.Data.Providers;
using Microsoft.EntityFrameworkCore.Design;

namespace Intake.Domain.Data;

// Let `dotnet ef migrations add` build each provider's model without starting a host or reaching a server
// (see docs/decisions/008): `--context SqliteIntakeDbContext | PostgreSqlIntakeDbContext | SqlServerIntakeDbContext`.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIntakeDbContext>
{
    public SqliteIntakeDbContext CreateDbContext(string[] args) =>
        (SqliteIntakeDbContext)IntakeDatabase.Open(StorageProvider.Sqlite, "Data Source=design-time.db");
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIntakeDbContext>
{
    public PostgreSqlIntakeDbContext CreateDbContext(string[] args) =>
        (PostgreSqlIntakeDbContext)IntakeDatabase.Open(StorageProvider.PostgreSql, "Host=localhost;Database=intake_design_time");
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerIntakeDbContext>
{
    public SqlServerIntakeDbContext CreateDbContext(string[] args) =>
        (SqlServerIntakeDbContext)IntakeDatabase.Open(StorageProvider.SqlServer, "Server=localhost;Database=intake_design_time;TrustServerCertificate=True");
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Intake.Domain.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting a host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IntakeDbContext>
{
    public IntakeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

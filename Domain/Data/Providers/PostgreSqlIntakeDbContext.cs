using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Data.Providers;

/// <summary>PostgreSQL: instants are timestamptz through Npgsql's NodaTime plugin; migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlIntakeDbContext(DbContextOptions<PostgreSqlIntakeDbContext> options) : IntakeDbContext(options);

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Data.Providers;

/// <summary>Chooses the EF Core provider and its <see cref="IntakeDbContext"/> subclass from Storage:Provider.</summary>
public static class IntakeDatabase
{
    /// <summary>
    /// Registers a context per provider and resolves <see cref="IntakeDbContext"/> to the configured one when it is
    /// first asked for, so the choice follows the configuration the host finally has.
    /// </summary>
    public static IServiceCollection AddIntakeDbContext(this IServiceCollection services)
    {
        services.AddDbContext<SqliteIntakeDbContext>(Configure);
        services.AddDbContext<PostgreSqlIntakeDbContext>(Configure);
        services.AddDbContext<SqlServerIntakeDbContext>(Configure);
        services.AddScoped<IntakeDbContext>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.PostgreSql => sp.GetRequiredService<PostgreSqlIntakeDbContext>(),
            StorageProvider.SqlServer => sp.GetRequiredService<SqlServerIntakeDbContext>(),
            _ => sp.GetRequiredService<SqliteIntakeDbContext>(),
        });
        return services;

        static void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.UseProvider(storage.Provider, storage.ConnectionString)
                .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>())
                // A refused insert is how a taken slot shows (409), not an error to log; a real failure still
                // throws, and its handler logs it.
                .ConfigureWarnings(warnings => warnings.Log(
                    (RelationalEventId.CommandError, LogLevel.Information),
                    (CoreEventId.SaveChangesFailed, LogLevel.Information)));
        }
    }

    /// <summary>A context outside any host, for tools and tests: the caller disposes it.</summary>
    public static IntakeDbContext Open(StorageProvider provider, string connectionString) => provider switch
    {
        StorageProvider.PostgreSql => new PostgreSqlIntakeDbContext(Options<PostgreSqlIntakeDbContext>(provider, connectionString)),
        StorageProvider.SqlServer => new SqlServerIntakeDbContext(Options<SqlServerIntakeDbContext>(provider, connectionString)),
        _ => new SqliteIntakeDbContext(Options<SqliteIntakeDbContext>(provider, connectionString)),
    };

    private static DbContextOptions<T> Options<T>(StorageProvider provider, string connectionString)
        where T : DbContext =>
        (DbContextOptions<T>)new DbContextOptionsBuilder<T>().UseProvider(provider, connectionString).Options;

    private static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, StorageProvider provider, string connectionString) =>
        provider switch
        {
            StorageProvider.PostgreSql => options.UseNpgsql(connectionString, npgsql => npgsql.UseNodaTime()),
            StorageProvider.SqlServer => options.UseSqlServer(connectionString),
            _ => options.UseSqlite(connectionString),
        };
}

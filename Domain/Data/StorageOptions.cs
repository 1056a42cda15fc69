namespace Intake.Domain.Data;

/// <summary>Section "Storage": where the data and Hangfire's jobs live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (the embedded default, in-memory jobs, one Worker), PostgreSql or SqlServer (shared by many processes).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/intake.db";

    /// <summary>Apply pending migrations when a host starts (EF Core serialises concurrent migrators).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>True when the job storage lives in the shared database, so many Workers and the dashboard can use it.</summary>
    public bool SharesJobs => Provider is not StorageProvider.Sqlite;
}

/// <summary>The databases Intake runs on; each has its own EF Core migrations and Hangfire storage.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

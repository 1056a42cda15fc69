namespace Intake.Domain.Data;

/// <summary>Section "Storage": where the data lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Provider { get; set; } = "Sqlite";

    public string ConnectionString { get; set; } = "Data Source=data/intake.db";

    /// <summary>Apply pending migrations when a host starts (EF Core serialises concurrent migrators).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

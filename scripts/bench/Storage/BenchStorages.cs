namespace Intake.Bench.Storage;

/// <summary>Picks the engine a run measures from --provider.</summary>
internal static class BenchStorages
{
    public static IBenchStorage For(BenchOptions options, string scratchFolder) => options.Provider.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteBenchStorage(scratchFolder),
        "postgresql" => new PostgreSqlBenchStorage(options.Connection),
        _ => throw new ArgumentException($"Unknown provider {options.Provider}: Sqlite or PostgreSql."),
    };
}

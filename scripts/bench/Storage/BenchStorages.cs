namespace Intake.Bench.Storage;

/// <summary>Picks the engine a run measures from --provider.</summary>
internal static class BenchStorages
{
    public static IBenchStorage For(BenchOptions options, string scratchFolder) => options.Provider.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteBenchStorage(scratchFolder),
        // PostgreSQL needs Storage:Provider=PostgreSql in the hosts first; then a PostgreSqlBenchStorage beside
        // SqliteBenchStorage (CREATE DATABASE per figure from --connection, Npgsql connections, uuid keys).
        "postgresql" => throw new NotSupportedException(
            "--provider PostgreSql is not wired yet: this build's hosts accept only Storage:Provider=Sqlite. " +
            "Add Storage/PostgreSqlBenchStorage.cs once they take PostgreSql (see docs/benchmarks.md, 'Running on PostgreSQL')."),
        _ => throw new ArgumentException($"Unknown provider {options.Provider}: Sqlite or PostgreSql."),
    };
}

using System.Data.Common;

namespace Intake.Bench.Storage;

/// <summary>
/// The database engine a run measures (--provider). Everything that differs between engines lives behind this:
/// making a fresh database per figure, pointing the hosts at it, and reaching it with raw ADO.NET for the
/// baselines. The figures themselves are engine-neutral.
/// </summary>
internal interface IBenchStorage
{
    /// <summary>As Storage:Provider spells it: Sqlite, PostgreSql.</summary>
    string Provider { get; }

    /// <summary>The Hangfire storage the Worker uses with this provider, for the report.</summary>
    string JobStorage { get; }

    /// <summary>How the engine lets concurrent writers through, for the sentences that name what bounds a figure.</summary>
    string WriteContention { get; }

    /// <summary>A fresh, empty database for one figure; the hosts apply the migrations when they start.</summary>
    Task<string> CreateDatabaseAsync(string name);

    /// <summary>The settings that point the Api, the Worker and this process's domain services at the database.</summary>
    IReadOnlyDictionary<string, string> HostSettings(string connectionString);

    /// <summary>An open raw connection with the session settings EF Core gives its own (SQLite: foreign keys on).</summary>
    Task<DbConnection> OpenAsync(string connectionString);

    /// <summary>A Guid key the way the schema stores it (SQLite: upper-case text; PostgreSQL: uuid).</summary>
    object Key(Guid id);

    /// <summary>Engine, version and durability settings, e.g. "SQLite 3.46.1 file, WAL, synchronous FULL".</summary>
    Task<string> DescribeAsync(string connectionString);
}

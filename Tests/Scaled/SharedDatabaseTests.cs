using Intake.Tests.Support;

namespace Intake.Tests.Scaled;

/// <summary>
/// Several Api or Worker processes on one shared database: these run in the PostgreSQL pass (and the SQL Server
/// one where a server is given), and are skipped on SQLite, whose default is one Worker with in-memory jobs.
/// </summary>
[Category("Scaled")]
[NonParallelizable]
public abstract class SharedDatabaseTests
{
    internal TestDatabase Database { get; private set; } = null!;

    private readonly List<HostProcess> _processes = [];

    [SetUp]
    public void CreateDatabase()
    {
        if (!TestDatabase.IsShared)
            Assert.Ignore("Needs a shared database: runs with INTAKE_TEST_PROVIDER=PostgreSql (scripts/test.sh does both).");
        Database = new TestDatabase();
    }

    [TearDown]
    public void StopProcesses()
    {
        if (!TestDatabase.IsShared)
            return;
        foreach (var process in _processes)
            process.Dispose();
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            foreach (var process in _processes)
                TestContext.Out.WriteLine(process.Output);
        }

        _processes.Clear(); // one fixture instance serves every test of the class
        Database.Dispose();
    }

    internal HostProcess StartWorker(IReadOnlyDictionary<string, string?> settings) =>
        Track(HostProcess.Worker(Database.Folder, Merge(settings)));

    internal HostProcess StartApi(string url, IReadOnlyDictionary<string, string?> settings) =>
        Track(HostProcess.Api(url, Database.Folder, Merge(settings)));

    private HostProcess Track(HostProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> settings)
    {
        var merged = Database.Settings;
        merged["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in settings)
            merged[key] = value;
        return merged;
    }
}

using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Support;

/// <summary>A fresh database, the real Api on a socket with a fake clock, and a client, for each test.</summary>
public abstract class ApiTests
{
    /// <summary>Where the clock starts: Wednesday 10 March 2027, 07:00 in New York (before its change on the 14th).</summary>
    protected virtual Instant Start => Instant.FromUtc(2027, 3, 10, 12, 0);

    protected FakeClock Clock { get; private set; } = null!;

    internal TestDatabase Database { get; private set; } = null!;

    internal ApiFactory Api { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [SetUp]
    public void StartApi()
    {
        Clock = new FakeClock(Start);
        Database = new TestDatabase();
        Api = new ApiFactory(Database, Clock);
        Client = Api.CreateClient();
    }

    [TearDown]
    public async Task StopApi()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        Database.Dispose();
    }
}

using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Support;

/// <summary>A fresh database and the Worker's and domain's services over it, with a fake clock, for each test.</summary>
public abstract class WorkerTests
{
    /// <summary>Where the clock starts: Wednesday 10 March 2027, 07:00 in New York (before its change on the 14th).</summary>
    protected virtual Instant Start => Instant.FromUtc(2027, 3, 10, 12, 0);

    protected FakeClock Clock { get; private set; } = null!;

    internal TestDatabase Database { get; private set; } = null!;

    internal ServiceProvider Services { get; private set; } = null!;

    [SetUp]
    public async Task StartServices()
    {
        Clock = new FakeClock(Start);
        Database = new TestDatabase();
        Services = await InProcessWorker.BuildAsync(Database, Clock);
    }

    [TearDown]
    public async Task StopServices()
    {
        await Services.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>Sends a request through the real mediator in its own scope, as an endpoint or a job would.</summary>
    protected async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}

using Hangfire;
using Intake.Domain.Consultations.ExpireOverdueRequests;
using MediatR;

namespace Intake.Worker.Expiry;

/// <summary>The recurring Hangfire job that expires held slots nobody confirmed in time.</summary>
internal sealed class ExpiryJob(IMediator mediator)
{
    public const string Id = "expire-overdue-requests";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next minute's run is the retry
    public Task RunAsync(CancellationToken cancellationToken) => mediator.Send(new ExpireOverdueRequests(), cancellationToken);
}

using Hangfire;
using MediatR;

namespace Intake.Worker.Dispatch;

/// <summary>The Hangfire job: carries a message id only; the database decides whether there is anything to send.</summary>
internal sealed class DispatchMessageJob(IMediator mediator)
{
    // Hangfire retries only what escaped (the database was unavailable); send failures are retried by the
    // message's own schedule, which survives a restart of the in-memory job storage.
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Dispatch message {0}")]
    public Task RunAsync(Guid messageId, CancellationToken cancellationToken) =>
        mediator.Send(new DispatchMessage(new MessageId(messageId)), cancellationToken);
}

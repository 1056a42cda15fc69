using MediatR;

namespace Intake.Worker.Dispatch;

/// <summary>Send one message, if it is still due and nobody else holds it. Safe to run any number of times.</summary>
public sealed record DispatchMessage(MessageId Id) : IRequest<DispatchResult>;

public enum DispatchResult
{
    /// <summary>Already sent, failed, cancelled, not yet due, or claimed by another job: nothing done.</summary>
    NotClaimed,
    Sent,
    RetryLater,
    Failed,

    /// <summary>The provider gave no answer: the message waits in Sending for its report, then is tried once more.</summary>
    OutcomeUnknown,

    /// <summary>Inside the recipient's quiet hours: Pending again, due when they end.</summary>
    Deferred,

    /// <summary>Withdrawn unsent: past its time, its call no longer stands, or a text to an opted-out number replaced by an email.</summary>
    Cancelled,
}

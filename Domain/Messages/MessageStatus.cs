namespace Intake.Domain.Messages;

/// <summary>
/// Pending → Sending (claimed by one job, for a lease) → Sent | Failed; Pending again after a transient failure.
/// A Sending message whose lease ran out belonged to a job that died, and may be claimed again.
/// </summary>
public enum MessageStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

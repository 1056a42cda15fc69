using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// A prospect's request for the free phone consultation: the aggregate every later step acts on.
/// Each transition checks its rule and raises the events whose handlers queue the messages it implies,
/// so that the state change and its messages are saved in one transaction.
/// </summary>
public sealed class ConsultationRequest
{
    private readonly List<INotification> _events = [];

    private ConsultationRequest()
    {
        Prospect = null!; // materialised by EF Core
    }

    private ConsultationRequest(ConsultationRequestId id, Prospect prospect, string? message, Instant submittedAt)
    {
        Id = id;
        Prospect = prospect;
        Message = message;
        SubmittedAt = submittedAt;
        Status = ConsultationStatus.Requested;
    }

    public ConsultationRequestId Id { get; private set; }

    public Prospect Prospect { get; private set; }

    /// <summary>The prospect's own words. Sensitive: never logged, never put in a text or an email.</summary>
    public string? Message { get; private set; }

    public ConsultationStatus Status { get; private set; }

    public Instant SubmittedAt { get; private set; }

    public IReadOnlyList<INotification> Events => _events;

    /// <summary>A prospect asks to be called back: no time named yet, the therapist will give one.</summary>
    public static ConsultationRequest Submit(Prospect prospect, string? message, Instant now)
    {
        var request = new ConsultationRequest(ConsultationRequestId.New(), prospect, message, now);
        request._events.Add(new ConsultationRequested(request));
        return request;
    }

    public void ClearEvents() => _events.Clear();
}

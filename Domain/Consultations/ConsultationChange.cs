using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// One change in a consultation request's history: what happened, who did it and when. The request records one with
/// every change it takes, under the version that change gave it, so (request, version) names each change once and a
/// change that lost a race to another (docs/decisions/011) leaves none.
/// </summary>
public sealed class ConsultationChange
{
    internal ConsultationChange(
        ConsultationRequestId consultationRequestId, int version, Instant at, ConsultationChangeKind what, ChangedBy by, string? therapistId)
    {
        ConsultationRequestId = consultationRequestId;
        Version = version;
        At = at;
        What = what;
        By = by;
        TherapistId = therapistId;
    }

    public ConsultationRequestId ConsultationRequestId { get; private set; }

    /// <summary>The request's version after this change: 1 for the request being made, then one more with each change.</summary>
    public int Version { get; private set; }

    public Instant At { get; private set; }

    public ConsultationChangeKind What { get; private set; }

    public ChangedBy By { get; private set; }

    /// <summary>The therapist who acted, when <see cref="By"/> is <see cref="ChangedBy.Therapist"/>; otherwise none.</summary>
    public string? TherapistId { get; private set; }
}

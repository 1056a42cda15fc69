using System.Linq.Expressions;

namespace Intake.Domain.Consultations.Changes;

/// <summary>
/// Which requests a therapist may see and act on: their own (from the moment a request names them, through
/// proposals, to its end), and the practice's open callback requests no therapist has taken yet. Any other is
/// answered as if it did not exist.
/// <para>
/// An administrator (an account with <c>intake:admin</c>, scripts/add-therapist.sh --admin) may also read what every
/// therapist's inbox holds — <see cref="VisibleToAdmin"/> — but acts only as <see cref="MaySee"/> allows for their own
/// therapist id: reading another therapist's request gives no right to change it, so its actions are neither offered
/// nor accepted (the change is answered as if the request did not exist, and nothing is written).
/// </para>
/// </summary>
public static class TherapistVisibility
{
    /// <summary>The therapist may see the request, and act on it.</summary>
    public static bool MaySee(string therapistId, string? ownerId, ConsultationStatus status) =>
        ownerId == therapistId || (ownerId is null && status == ConsultationStatus.Requested);

    /// <summary>The same rule as a query filter.</summary>
    public static Expression<Func<ConsultationRequest, bool>> Visible(string therapistId) =>
        r => r.TherapistId == therapistId || (r.TherapistId == null && r.Status == ConsultationStatus.Requested);

    /// <summary>
    /// What an administrator may read, as a query filter: whatever some therapist's inbox holds — every request that
    /// names a therapist, and the open callbacks (the union of every therapist's <see cref="Visible"/>). To read only;
    /// acting is <see cref="MaySee"/>'s for the administrator's own id.
    /// </summary>
    public static Expression<Func<ConsultationRequest, bool>> VisibleToAdmin() =>
        r => r.TherapistId != null || r.Status == ConsultationStatus.Requested;

    /// <summary>What a reader may read: an administrator what every inbox holds, any other therapist their own.</summary>
    public static Expression<Func<ConsultationRequest, bool>> Readable(string therapistId, bool asAdmin) =>
        asAdmin ? VisibleToAdmin() : Visible(therapistId);

    /// <summary>
    /// Whose inbox a reader may open: their own; an administrator also any other therapist's, and every therapist's
    /// at once (<paramref name="inboxOf"/> null).
    /// </summary>
    public static bool MayReadInbox(string therapistId, bool asAdmin, string? inboxOf) =>
        asAdmin || inboxOf == therapistId;
}

using System.Linq.Expressions;

namespace Intake.Domain.Consultations.Changes;

/// <summary>
/// Which requests a therapist may see and act on: their own (from the moment a request names them, through
/// proposals, to its end), and the practice's open callback requests no therapist has taken yet. Any other is
/// answered as if it did not exist.
/// </summary>
public static class TherapistVisibility
{
    public static bool MaySee(string therapistId, string? ownerId, ConsultationStatus status) =>
        ownerId == therapistId || (ownerId is null && status == ConsultationStatus.Requested);

    /// <summary>The same rule as a query filter.</summary>
    public static Expression<Func<ConsultationRequest, bool>> Visible(string therapistId) =>
        r => r.TherapistId == therapistId || (r.TherapistId == null && r.Status == ConsultationStatus.Requested);
}

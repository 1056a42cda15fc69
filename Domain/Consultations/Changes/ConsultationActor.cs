namespace Intake.Domain.Consultations.Changes;

/// <summary>Who asks for a change: a signed-in therapist, or the prospect holding the request's manage link.</summary>
public abstract record ConsultationActor
{
    private ConsultationActor()
    {
    }

    public sealed record Therapist(string TherapistId) : ConsultationActor;

    /// <summary>The holder of a valid manage link for this very request (the link names it).</summary>
    public sealed record Prospect : ConsultationActor;
}

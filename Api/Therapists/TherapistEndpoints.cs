namespace Intake.Api.Therapists;

public static class TherapistEndpoints
{
    /// <summary>The signed-in therapist's inbox, actions and availability under /api/therapist.</summary>
    public static IEndpointRouteBuilder MapTherapists(this IEndpointRouteBuilder app) => app;
}

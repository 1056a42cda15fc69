using Intake.Domain.Consultations;
using Intake.Domain.Consultations.GetConsultationStatus;
using Intake.Domain.Consultations.RequestConsultation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Intake.Api.Consultations;

public static class ConsultationEndpoints
{
    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations").WithTags("Consultations");

        group.MapPost("/", async Task<Results<Created<ConsultationResponse>, ProblemHttpResult, ValidationProblem>> (
                RequestConsultation request, IMediator mediator, CancellationToken ct) =>
            {
                return await mediator.Send(request, ct) switch
                {
                    RequestOutcome.Accepted accepted => TypedResults.Created(
                        $"/api/consultations/{accepted.Id}", new ConsultationResponse(accepted.Id.Value, accepted.Status)),
                    RequestOutcome.UnknownTherapist => TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["therapistId"] = ["No therapist has this id."] },
                        title: "One or more fields are invalid."),
                    _ => TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: "That time is not open.",
                        detail: "The slot is taken, outside the therapist's hours, too soon or too far ahead. Ask /api/slots for open times."),
                };
            })
            .WithName("RequestConsultation")
            .WithSummary("Ask for the free phone consultation: hold an open slot, or ask for a callback.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:guid}", async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var found = await mediator.Send(new GetConsultationStatus(new ConsultationRequestId(id)), ct);
                return found is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such consultation request.")
                    : TypedResults.Ok(new ConsultationResponse(found.Id.Value, found.Status));
            })
            .WithName("GetConsultationStatus")
            .WithSummary("Where a consultation request stands.");

        return app;
    }
}

public sealed record ConsultationResponse(Guid Id, ConsultationStatus Status);

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

        group.MapPost("/", async Task<Created<ConsultationResponse>> (RequestConsultation request, IMediator mediator, CancellationToken ct) =>
            {
                var accepted = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/consultations/{accepted.Id}", ConsultationResponse.From(accepted));
            })
            .WithName("RequestConsultation")
            .WithSummary("Ask for the free phone consultation (a callback request).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:guid}", async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var found = await mediator.Send(new GetConsultationStatus(new ConsultationRequestId(id)), ct);
                return found is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such consultation request.")
                    : TypedResults.Ok(ConsultationResponse.From(found));
            })
            .WithName("GetConsultationStatus")
            .WithSummary("Where a consultation request stands.");

        return app;
    }
}

public sealed record ConsultationResponse(Guid Id, ConsultationStatus Status)
{
    public static ConsultationResponse From(ConsultationAccepted accepted) => new(accepted.Id.Value, accepted.Status);
}

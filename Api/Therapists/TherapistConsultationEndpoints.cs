using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Intake.Api.OpenApi;
using Intake.Api.Consultations;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.CancelConsultation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.CompleteConsultation;
using Intake.Domain.Consultations.ConfirmConsultation;
using Intake.Domain.Consultations.DeclineConsultation;
using Intake.Domain.Consultations.MarkNoShow;
using Intake.Domain.Consultations.ProposeAlternativeTimes;
using Intake.Domain.Consultations.RescheduleConsultation;
using Intake.Domain.Therapists.TherapistConsultations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Intake.Api.Therapists;

/// <summary>The inbox and the one-step actions on a request: each sends the domain's request as this therapist.</summary>
internal static class TherapistConsultationEndpoints
{
    public static RouteGroupBuilder MapTherapistConsultations(this RouteGroupBuilder therapist)
    {
        var group = therapist.MapGroup("/consultations").WithTags("Therapist: consultations");

        group.MapGet("/", async Task<Ok<TherapistInboxResponse>> (string? status, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var inbox = await mediator.Send(new ListTherapistConsultations(user.TherapistId(), status), ct);
                return TypedResults.Ok(new TherapistInboxResponse(
                    inbox.TimeZone.Id, inbox.Consultations.Select(c => TherapistConsultationResponse.From(c, inbox.TimeZone)).ToList()));
            })
            .WithName("ListTherapistConsultations")
            .WithSummary("The therapist's requests and the callback requests nobody has taken, newest first; optionally of one status.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async Task<Results<Ok<TherapistConsultationResponse>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var found = await mediator.Send(new GetTherapistConsultation(user.TherapistId(), new ConsultationRequestId(id)), ct);
                return found is null ? NotFound() : TypedResults.Ok(TherapistConsultationResponse.From(found.Consultation, found.TimeZone));
            })
            .WithName("GetTherapistConsultation")
            .WithSummary("One request, with everything the prospect gave.");

        MapAction(group, "confirm", "ConfirmConsultation",
            "Confirm: a held request at its time, a callback request at the slotStart given.",
            (Guid id, ConfirmBody? body, ClaimsPrincipal user) =>
                new ConfirmConsultation(new ConsultationRequestId(id), Actor(user), body?.SlotStart));
        MapAction(group, "decline", "DeclineConsultation",
            "Decline, with an optional note (at most 500 characters) emailed to the prospect; the time is freed.",
            (Guid id, DeclineBody? body, ClaimsPrincipal user) =>
                new DeclineConsultation(new ConsultationRequestId(id), Actor(user), body?.Note));
        MapAction(group, "propose", "ProposeAlternativeTimes",
            "Offer one to five of your open times instead; a held time is given up.",
            (Guid id, ProposeBody? body, ClaimsPrincipal user) =>
                new ProposeAlternativeTimes(new ConsultationRequestId(id), Actor(user), body?.SlotStarts));
        MapAction(group, "reschedule", "RescheduleConsultation",
            "Move a confirmed call to another of your open times.",
            (Guid id, RescheduleBody? body, ClaimsPrincipal user) =>
                new RescheduleConsultation(new ConsultationRequestId(id), Actor(user), body?.SlotStart));
        MapAction(group, "cancel", "CancelConsultationAsTherapist",
            "Call it off; the time is freed and the prospect told.",
            (Guid id, ClaimsPrincipal user) => new CancelConsultation(new ConsultationRequestId(id), Actor(user)));
        MapAction(group, "complete", "CompleteConsultation",
            "Record that the call took place (once its time has started).",
            (Guid id, ClaimsPrincipal user) => new CompleteConsultation(new ConsultationRequestId(id), Actor(user)));
        MapAction(group, "no-show", "MarkNoShow",
            "Record that the prospect did not take the call (once its time has started).",
            (Guid id, ClaimsPrincipal user) => new MarkNoShow(new ConsultationRequestId(id), Actor(user)));

        return therapist;
    }

    private static void MapAction<TBody>(
        RouteGroupBuilder group, string action, string name, string summary, Func<Guid, TBody?, ClaimsPrincipal, IRequest<ChangeOutcome>> command)
        where TBody : class =>
        group.MapPost($"/{{id:guid}}/{action}", async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> (
                Guid id, TBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                ToResult(await mediator.Send(command(id, body, user), ct)))
            .WithName(name)
            .WithSummary(summary)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static void MapAction(
        RouteGroupBuilder group, string action, string name, string summary, Func<Guid, ClaimsPrincipal, IRequest<ChangeOutcome>> command) =>
        group.MapPost($"/{{id:guid}}/{action}", async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                ToResult(await mediator.Send(command(id, user), ct)))
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static ConsultationActor.Therapist Actor(ClaimsPrincipal user) => new(user.TherapistId());

    private static Results<Ok<ConsultationResponse>, ProblemHttpResult> ToResult(ChangeOutcome outcome) =>
        ChangeResults.ToHttp(outcome, NotFound);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such consultation request.");
}

[RequestBody]
public sealed record ConfirmBody([property: DataType(DataType.DateTime)] string? SlotStart);

[RequestBody]
public sealed record DeclineBody(string? Note);

[RequestBody]
public sealed record ProposeBody([property: Required, DataType(DataType.DateTime)] IReadOnlyList<string>? SlotStarts);

[RequestBody]
public sealed record RescheduleBody([property: Required, DataType(DataType.DateTime)] string? SlotStart);

using System.ComponentModel.DataAnnotations;
using Intake.Api.Consultations;
using Intake.Api.OpenApi;
using Intake.Api.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.AcceptProposedTime;
using Intake.Domain.Consultations.CancelConsultation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Consultations.RescheduleConsultation;
using Intake.Domain.Consultations.ViewManagedConsultation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Intake.Api.Manage;

/// <summary>
/// The prospect's own request, reached without an account by the link in their emails. The token is the key: it
/// names the request, so every action acts on that request only, never on an id from the URL or the body. A token
/// that is forged, garbled or expired is "not found", the same answer for each, and changes nothing.
/// </summary>
public static class ManageEndpoints
{
    /// <summary>The prospect's own request, reached by the link in their messages, under /api/manage/{token}.</summary>
    public static IEndpointRouteBuilder MapManage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/manage/{token}").WithTags("Manage").AllowAnonymous();

        // The short link in texts: the code stays on the server's side, the manage link it stands for is made now.
        app.MapGet("/m/{code}", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (string code, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ResolveShortLink(code), ct) is { } url ? TypedResults.Redirect(url) : NoSuchLink())
            .WithTags("Manage")
            .AllowAnonymous()
            .WithName("OpenShortManageLink")
            .WithSummary("A text's short manage link: redirects (302) to the request's manage link while that is valid.")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async Task<Results<Ok<ManagedConsultationResponse>, ProblemHttpResult>> (
                string token, ManageLinks links, IClock clock, IMediator mediator, CancellationToken ct) =>
            {
                if (links.Read(token, clock.GetCurrentInstant()) is not { } id
                    || await mediator.Send(new ViewManagedConsultation(id), ct) is not { } view)
                {
                    return NoSuchLink();
                }

                return TypedResults.Ok(ManagedConsultationResponse.From(view));
            })
            .WithName("ViewManagedConsultation")
            .WithSummary("The request a manage link names: where it stands, its time and any times on offer, in the prospect's zone.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/cancel", (string token, ManageLinks links, IClock clock, IMediator mediator, CancellationToken ct) =>
                ChangeAsync(token, links, clock, mediator, id => new CancelConsultation(id, new ConsultationActor.Prospect()), ct))
            .WithName("CancelManagedConsultation")
            .WithSummary("The prospect calls off their request; the time is freed and both sides are told.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/reschedule", (string token, ManageSlotBody body, ManageLinks links, IClock clock, IMediator mediator, CancellationToken ct) =>
                ChangeAsync(token, links, clock, mediator, id => new RescheduleConsultation(id, new ConsultationActor.Prospect(), body.SlotStart), ct))
            .WithName("RescheduleManagedConsultation")
            .WithSummary("The prospect moves their confirmed call to another open time of the same therapist.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/accept", (string token, ManageSlotBody body, ManageLinks links, IClock clock, IMediator mediator, CancellationToken ct) =>
                ChangeAsync(token, links, clock, mediator, id => new AcceptProposedTime(id, new ConsultationActor.Prospect(), body.SlotStart), ct))
            .WithName("AcceptProposedTime")
            .WithSummary("The prospect takes one of the times the therapist offered; the call is confirmed at that time.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    /// <summary>Reads the token first (a bad one gets 404 whatever the body says), then sends the change for the request it names.</summary>
    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> ChangeAsync(
        string token, ManageLinks links, IClock clock, IMediator mediator,
        Func<ConsultationRequestId, IRequest<ChangeOutcome>> change, CancellationToken ct)
    {
        if (links.Read(token, clock.GetCurrentInstant()) is not { } id)
            return NoSuchLink();

        return ChangeResults.ToHttp(await mediator.Send(change(id), ct), NoSuchLink);
    }

    private static ProblemHttpResult NoSuchLink() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such request.",
        detail: "The link is not valid or has expired. Use the link from your latest email, or call the practice.");
}

/// <summary>The time asked for: a slot's start as /api/slots gives it, ISO 8601 with its offset.</summary>
[RequestBody]
public sealed record ManageSlotBody([property: Required, DataType(DataType.DateTime)] string? SlotStart);

/// <summary>
/// The request as its manage link shows it: never the prospect's name, contact details or message, since the
/// link may be forwarded. Times are ISO 8601 in the prospect's zone, with the offset, as /api/slots writes them.
/// </summary>
public sealed record ManagedConsultationResponse(
    Guid Id,
    ConsultationStatus Status,
    string PracticeName,
    [property: DataType(DataType.DateTime)] string? SlotStart,
    [property: DataType(DataType.DateTime)] string? SlotEnd,
    IReadOnlyList<SlotEndpoints.SlotResponse> ProposedSlots,
    string TimeZone,
    string? TherapistId)
{
    public static ManagedConsultationResponse From(ManagedConsultationView view)
    {
        var slot = view.Slot is { } held ? SlotEndpoints.SlotResponse.From(held, view.TimeZone) : null;
        return new ManagedConsultationResponse(
            view.Id.Value,
            view.Status,
            view.PracticeName,
            slot?.Start,
            slot?.End,
            view.ProposedSlots.Select(proposed => SlotEndpoints.SlotResponse.From(proposed, view.TimeZone)).ToList(),
            view.TimeZone.Id,
            view.TherapistId);
    }
}

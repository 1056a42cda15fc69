using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Intake.Api.OpenApi;
using System.Security.Claims;
using Intake.Domain.Therapists.TherapistAvailability;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Intake.Api.Therapists;

/// <summary>The therapist's own hours: read, replace the weekly ones, set or remove one date's override.</summary>
internal static class TherapistAvailabilityEndpoints
{
    public static RouteGroupBuilder MapTherapistAvailability(this RouteGroupBuilder therapist)
    {
        var group = therapist.MapGroup("/availability").WithTags("Therapist: availability");

        group.MapGet("/", async Task<Ok<AvailabilityResponse>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(AvailabilityResponse.From(await mediator.Send(new GetTherapistAvailability(user.TherapistId()), ct))))
            .WithName("GetTherapistAvailability")
            .WithSummary("Your weekly hours and date overrides, in your time zone.");

        group.MapPut("/weekly-hours", async Task<Results<Ok<AvailabilityResponse>, ProblemHttpResult>> (
                Dictionary<string, IReadOnlyList<string?>?>? weeklyHours, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                ToResult(await mediator.Send(new SetWeeklyHours(user.TherapistId(), weeklyHours), ct)))
            .WithName("SetWeeklyHours")
            .WithSummary("Replace your weekly hours, e.g. {\"Monday\": [\"09:00-12:00\", \"13:00-17:00\"]}; a day left out has none. Bookings keep their time.")
            .ProducesValidationProblem();

        group.MapPut("/overrides/{date}", async Task<Results<Ok<AvailabilityResponse>, ProblemHttpResult>> (
                string date, DateOverrideBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                ToResult(await mediator.Send(new SetDateOverride(user.TherapistId(), date, body?.Windows), ct)))
            .WithName("SetDateOverride")
            .WithSummary("Give one date its own windows instead of the weekly ones; an empty list is a day off. Bookings keep their time.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/overrides/{date}", async Task<Results<Ok<AvailabilityResponse>, ProblemHttpResult>> (
                string date, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                ToResult(await mediator.Send(new RemoveDateOverride(user.TherapistId(), date), ct)))
            .WithName("RemoveDateOverride")
            .WithSummary("Let the weekly hours apply again on one date.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return therapist;
    }

    private static Results<Ok<AvailabilityResponse>, ProblemHttpResult> ToResult(AvailabilityChange change) => change switch
    {
        AvailabilityChange.Saved saved => TypedResults.Ok(AvailabilityResponse.From(saved.Availability)),
        AvailabilityChange.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No override on that date."),
        AvailabilityChange.TooLarge => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Too many date overrides are stored.",
            detail: "Remove some date overrides before adding more."),
        _ => throw new UnreachableException($"Unknown availability change {change.GetType().Name}."),
    };
}

[RequestBody]
public sealed record DateOverrideBody([property: Required] IReadOnlyList<string?>? Windows);

using Intake.Domain.Availability;
using Intake.Domain.Availability.FindOpenSlots;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Intake.Api.Availability;

public static class SlotEndpoints
{
    public static IEndpointRouteBuilder MapSlots(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/slots", async Task<Ok<SlotListResponse>> ([AsParameters] SlotQuery query, IMediator mediator, CancellationToken ct) =>
            {
                var found = await mediator.Send(new FindOpenSlots(query.From, query.To, query.TimeZone, query.TherapistId), ct);
                return TypedResults.Ok(new SlotListResponse(
                    found.TimeZone.Id,
                    found.Slots.Select(slot => SlotResponse.From(slot, found.TimeZone)).ToList()));
            })
            .WithTags("Availability")
            .WithName("FindOpenSlots")
            .WithSummary("Open consultation times between two dates (inclusive), in the asker's time zone.")
            .ProducesValidationProblem();
        return app;
    }

    public sealed record SlotQuery(string? From, string? To, string? TimeZone, string? TherapistId);

    public sealed record SlotListResponse(string TimeZone, IReadOnlyList<SlotResponse> Slots);

    public sealed record SlotResponse(string TherapistId, string Start, string End)
    {
        public static SlotResponse From(Slot slot, DateTimeZone zone) => new(
            slot.TherapistId,
            OffsetTimes.Format(slot.Start, zone),
            OffsetTimes.Format(slot.End, zone));
    }
}

using System.ComponentModel.DataAnnotations;
using Intake.Domain.Availability;
using Intake.Domain.Availability.FindOpenSlots;
using MediatR;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The query as the README writes it: from, to (ISO dates, inclusive), timeZone (IANA), therapistId (optional).</summary>
    public sealed record SlotQuery(
        [property: FromQuery(Name = "from"), Required] string? From,
        [property: FromQuery(Name = "to"), Required] string? To,
        [property: FromQuery(Name = "timeZone"), Required] string? TimeZone,
        [property: FromQuery(Name = "therapistId")] string? TherapistId);

    public sealed record SlotListResponse(string TimeZone, IReadOnlyList<SlotResponse> Slots);

    public sealed record SlotResponse(string TherapistId, [property: DataType(DataType.DateTime)] string Start, [property: DataType(DataType.DateTime)] string End)
    {
        public static SlotResponse From(Slot slot, DateTimeZone zone) => new(
            slot.TherapistId,
            OffsetTimes.Format(slot.Start, zone),
            OffsetTimes.Format(slot.End, zone));
    }
}

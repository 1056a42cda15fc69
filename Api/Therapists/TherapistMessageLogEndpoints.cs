using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Domain.Therapists.MessageLog;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Intake.Api.Therapists;

/// <summary>GET /api/therapist/consultations/{id}/messages: the message log of one request, without bodies.</summary>
internal static class TherapistMessageLogEndpoints
{
    public static RouteGroupBuilder MapTherapistMessageLog(this RouteGroupBuilder therapist)
    {
        therapist.MapGet("/consultations/{id:guid}/messages", async Task<Results<Ok<IReadOnlyList<MessageLogResponse>>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var log = await mediator.Send(new GetMessageLog(user.TherapistId(), new ConsultationRequestId(id)), ct);
                return log is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such consultation request.")
                    : TypedResults.Ok<IReadOnlyList<MessageLogResponse>>(log.Select(MessageLogResponse.From).ToList());
            })
            .WithTags("Therapist: consultations")
            .WithName("GetMessageLog")
            .WithSummary("Each message about the request: kind, channel, status, delivery report, times and provider id; never its words.");
        return therapist;
    }
}

/// <summary>One message in the log; times are UTC instants (ISO 8601, "Z").</summary>
public sealed record MessageLogResponse(
    Guid Id,
    MessageKind Kind,
    ContactChannel Channel,
    MessageStatus Status,
    string? DeliveryStatus,
    int Attempts,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime)] string DueAt,
    [property: DataType(DataType.DateTime)] string? SentAt,
    [property: DataType(DataType.DateTime)] string? DeliveryUpdatedAt,
    string? ProviderMessageId,
    int? ProviderErrorCode,
    string? LastError)
{
    public static MessageLogResponse From(MessageLogEntry entry) => new(
        entry.Id.Value,
        entry.Kind,
        entry.Channel,
        entry.Status,
        entry.DeliveryStatus,
        entry.Attempts,
        Iso(entry.CreatedAt),
        Iso(entry.DueAt),
        entry.SentAt is { } sent ? Iso(sent) : null,
        entry.DeliveryUpdatedAt is { } updated ? Iso(updated) : null,
        entry.ProviderMessageId,
        entry.ProviderErrorCode,
        entry.LastError);

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}

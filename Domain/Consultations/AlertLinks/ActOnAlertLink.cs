using FluentValidation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.Rules;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Consultations.AlertLinks;

/// <summary>
/// What an alert link's page shows before anything is done (GET): the action, and the time asked for in the
/// therapist's zone. Null for a token that is not valid, or a request the therapist may not see. Nothing is changed.
/// </summary>
public sealed record ReadAlertLink(string? Token) : IRequest<AlertLinkView?>;

/// <summary><paramref name="Usable"/> is false once the request has changed since the alert (the link was used, or overtaken).</summary>
public sealed record AlertLinkView(AlertAction Action, Instant? SlotStart, DateTimeZone TimeZone, bool Usable, ConsultationRequestId Id);

/// <summary>
/// The alert link's action (POST from its page): confirm or decline as the therapist the link names, only while the
/// request is as it was when the alert was written. A second use, or a use after anything else changed the request,
/// is <see cref="ChangeOutcome.ChangedMeanwhile"/>, and changes nothing.
/// </summary>
public sealed record ActOnAlertLink(string? Token, string? Note) : IRequest<ChangeOutcome>;

internal sealed class ReadAlertLinkHandler(AlertLinks links, IClock clock, IntakeDbContext db) : IRequestHandler<ReadAlertLink, AlertLinkView?>
{
    public async Task<AlertLinkView?> Handle(ReadAlertLink query, CancellationToken cancellationToken)
    {
        if (links.Read(query.Token, clock.GetCurrentInstant()) is not { } link)
            return null;
        var request = await db.ConsultationRequests.AsNoTracking()
            .Where(TherapistVisibility.Visible(link.TherapistId))
            .Where(r => r.Id == link.Id)
            .Select(r => new { r.Version, r.SlotStart })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
            return null;
        var zone = await db.Therapists.AsNoTracking().Where(t => t.Id == link.TherapistId).Select(t => t.TimeZoneId).SingleAsync(cancellationToken);
        return new AlertLinkView(link.Action, request.SlotStart, DateTimeZoneProviders.Tzdb[zone], request.Version == link.Version, link.Id);
    }
}

internal sealed class ActOnAlertLinkHandler(AlertLinks links, IClock clock, ConsultationChanges changes) : IRequestHandler<ActOnAlertLink, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(ActOnAlertLink command, CancellationToken cancellationToken)
    {
        if (links.Read(command.Token, clock.GetCurrentInstant()) is not { } link)
            return Task.FromResult<ChangeOutcome>(new ChangeOutcome.NotFound());
        return changes.ApplyAsync(link.Id, new ConsultationActor.Therapist(link.TherapistId), ChangeAllowedTo.Therapist, (request, now, _) =>
            Task.FromResult<ChangeOutcome?>(request.Version != link.Version
                ? new ChangeOutcome.ChangedMeanwhile()
                : ConsultationChanges.Outcome(request, link.Action == AlertAction.Confirm
                    ? request.Confirm(now)
                    : request.Decline(command.Note, link.TherapistId, now))), cancellationToken);
    }
}

internal sealed class ActOnAlertLinkValidator : AbstractValidator<ActOnAlertLink>
{
    public ActOnAlertLinkValidator() =>
        RuleFor(c => c.Note).MaximumLength(ConsultationRules.DeclineNoteMaxLength)
            .WithMessage($"Note must be at most {ConsultationRules.DeclineNoteMaxLength} characters.");
}

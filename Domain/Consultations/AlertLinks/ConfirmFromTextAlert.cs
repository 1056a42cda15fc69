using Intake.Domain.Consultations.Changes;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Domain.Messages.Inbound;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Consultations.AlertLinks;

/// <summary>
/// A text "Y" (or "Y 4821") to the practice's number, answering a text alert: from a therapist's own number (their
/// stored phone as E.164, with AlertBySms on) it confirms that therapist's one held time waiting, or the one whose
/// <see cref="TextAlertCode"/> follows the Y, through <see cref="ConfirmConsultation.ConfirmConsultation"/> as the
/// therapist, as the console does. Anything that does not name exactly one held time changes nothing and is answered
/// with the console link. The reply is null when the sender is no such therapist: for anyone else "Y" means nothing.
/// </summary>
/// <param name="From">The sender, E.164, from a webhook whose signature was checked.</param>
/// <param name="Code">What followed the Y, if anything.</param>
public sealed record ConfirmFromTextAlert(string From, string? Code) : IRequest<string?>;

internal sealed class ConfirmFromTextAlertHandler(IntakeDbContext db, IMediator mediator, IOptions<PracticeOptions> practice, AlertLinks links)
    : IRequestHandler<ConfirmFromTextAlert, string?>
{
    public async Task<string?> Handle(ConfirmFromTextAlert command, CancellationToken cancellationToken)
    {
        var settings = practice.Value;
        var candidates = await db.Therapists.AsNoTracking().Where(t => t.AlertBySms && t.Phone != null).ToListAsync(cancellationToken);
        var senders = candidates.Where(t => t.TextAlertNumber(settings.PhoneRegion) == command.From).ToList();
        if (senders.Count == 0)
            return null;
        if (senders.Count > 1)
            return InboundTexts.AlertWhich(settings, links.ConsoleUrl); // one number for several therapists says nobody's "Y"

        var therapist = senders[0];
        var pending = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.TherapistId == therapist.Id && r.Status == ConsultationStatus.Pending)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new { r.Id, r.SlotStart })
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
            return InboundTexts.AlertNothingPending(settings, links.ConsoleUrl);

        // No code: only a lone held time is named. A code: the held times whose ref it is (two may share one: then neither).
        var code = TextAlertCode.Read(command.Code);
        var named = string.IsNullOrWhiteSpace(command.Code)
            ? pending
            : pending.Where(r => code is not null && TextAlertCode.For(r.Id) == code).ToList();
        if (named is not [{ SlotStart: { } start } chosen])
            return InboundTexts.AlertWhich(settings, links.ConsoleUrl);

        var outcome = await mediator.Send(
            new ConfirmConsultation.ConfirmConsultation(chosen.Id, new ConsultationActor.Therapist(therapist.Id), SlotStart: null), cancellationToken);
        var console = links.RequestUrl(chosen.Id);
        return outcome is ChangeOutcome.Changed
            ? InboundTexts.AlertConfirmed(settings, MessageTime.Format(start, therapist.TimeZone), TextAlertCode.For(chosen.Id), console)
            : InboundTexts.AlertRefused(settings, console);
    }
}

using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.AlertLinks;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Links = Intake.Domain.Consultations.ManageLinks.ManageLinks;

namespace Intake.Domain.Messages.Inbound;

/// <summary>A text someone sent to the practice's number (a Twilio inbound webhook).</summary>
/// <param name="From">The sender, E.164.</param>
/// <param name="Body">What they wrote. Read for a keyword only: never stored, logged or echoed.</param>
public sealed record HandleInboundText(string? From, string? Body) : IRequest<InboundReply>;

/// <summary>What the text asked for, and the reply to send back in the same exchange (none when <paramref name="Text"/> is null).</summary>
public sealed record InboundReply(InboundKeyword Keyword, string? Text)
{
    public static readonly InboundReply Nothing = new(InboundKeyword.None, null);
}

/// <summary>
/// Acts on a keyword: STOP and the other opt-out words record the number as opted out (Twilio itself sends the
/// carrier's confirmation, so no reply); CANCEL, an opt-out word to Twilio, does the same and answers that texts are
/// stopped, the call is not cancelled, and how to cancel it; START/UNSTOP removes it; HELP/INFO gives the practice's phone; C/YES records
/// attendance on the sender's nearest upcoming confirmed call; R sends the manage link of their nearest upcoming
/// request; Y (or "Y 4821") from a therapist's own number confirms a held time named in a text alert
/// (<see cref="ConfirmFromTextAlert"/>), and from any other number means nothing. Every action is idempotent, since
/// Twilio may deliver a webhook more than once.
/// </summary>
internal sealed partial class HandleInboundTextHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice, Links links, ShortLinks shortLinks,
    IMediator mediator)
    : IRequestHandler<HandleInboundText, InboundReply>
{
    public async Task<InboundReply> Handle(HandleInboundText text, CancellationToken cancellationToken)
    {
        var from = text.From?.Trim();
        if (from is null || !E164().IsMatch(from))
            return InboundReply.Nothing;
        var keyword = InboundKeywords.Parse(text.Body);
        var now = clock.GetCurrentInstant();
        var settings = practice.Value;
        return keyword switch
        {
            InboundKeyword.OptOut => await OptOutAsync(from, now, cancellationToken),
            InboundKeyword.OptIn => await OptInAsync(from, settings, cancellationToken),
            InboundKeyword.Help => new InboundReply(keyword, InboundTexts.Help(settings)),
            InboundKeyword.ConfirmAttendance => await ConfirmAttendanceAsync(from, now, settings, cancellationToken),
            InboundKeyword.Reschedule => await RescheduleLinkAsync(from, now, settings, cancellationToken),
            InboundKeyword.CancelWord => await CancelWordAsync(from, now, settings, cancellationToken),
            InboundKeyword.ConfirmRequest => await mediator.Send(new ConfirmFromTextAlert(from, InboundKeywords.Argument(text.Body)), cancellationToken)
                is { } reply ? new InboundReply(keyword, reply) : InboundReply.Nothing,
            _ => InboundReply.Nothing,
        };
    }

    private async Task<InboundReply> OptOutAsync(string from, Instant now, CancellationToken cancellationToken)
    {
        if (await SmsOptOut.AddUnlessStoredAsync(db, from, now, cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueViolation.Caused(exception))
            {
                // A repeated webhook recorded it first: the number is opted out either way.
            }
        }

        return new InboundReply(InboundKeyword.OptOut, null);
    }

    private async Task<InboundReply> OptInAsync(string from, PracticeOptions settings, CancellationToken cancellationToken)
    {
        await db.SmsOptOuts.Where(o => o.Phone == from).ExecuteDeleteAsync(cancellationToken);
        return new InboundReply(InboundKeyword.OptIn, InboundTexts.OptedIn(settings));
    }

    private async Task<InboundReply> ConfirmAttendanceAsync(string from, Instant now, PracticeOptions settings, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests
            .Where(r => r.Prospect.Phone == from && r.Status == ConsultationStatus.Confirmed && r.SlotStart > now)
            .OrderBy(r => r.SlotStart)
            .FirstOrDefaultAsync(cancellationToken);
        if (request?.SlotStart is not { } start || !request.ConfirmAttendance(now).IsOk)
            return new InboundReply(InboundKeyword.ConfirmAttendance, InboundTexts.NoCallToConfirm(settings));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The call was cancelled or moved at this very moment: there is no longer that call to confirm.
            return new InboundReply(InboundKeyword.ConfirmAttendance, InboundTexts.NoCallToConfirm(settings));
        }

        return new InboundReply(InboundKeyword.ConfirmAttendance,
            InboundTexts.AttendanceConfirmed(settings, MessageTime.Format(start, request.Prospect.TimeZone)));
    }

    /// <summary>CANCEL stops texts, as Twilio does for it; the reply says the call stands and how to cancel it.</summary>
    private async Task<InboundReply> CancelWordAsync(string from, Instant now, PracticeOptions settings, CancellationToken cancellationToken)
    {
        await OptOutAsync(from, now, cancellationToken);
        var request = await NearestOpenRequestAsync(from, now, cancellationToken);
        return new InboundReply(InboundKeyword.CancelWord,
            InboundTexts.TextsStoppedNotCancelled(settings, request is null ? null : LinkFor(request)));
    }

    private async Task<InboundReply> RescheduleLinkAsync(string from, Instant now, PracticeOptions settings, CancellationToken cancellationToken)
    {
        var request = await NearestOpenRequestAsync(from, now, cancellationToken);
        return new InboundReply(InboundKeyword.Reschedule, request is null
            ? InboundTexts.NoRequestToChange(settings)
            : InboundTexts.RescheduleLink(settings, LinkFor(request)));
    }

    /// <summary>The nearest open request with a time still ahead; else the latest open one without a time (a callback).</summary>
    private Task<ConsultationRequest?> NearestOpenRequestAsync(string from, Instant now, CancellationToken cancellationToken) =>
        db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Prospect.Phone == from
                && (r.Status == ConsultationStatus.Requested || r.Status == ConsultationStatus.Pending || r.Status == ConsultationStatus.Confirmed)
                && (r.SlotStart == null || r.SlotStart > now))
            .OrderBy(r => r.SlotStart == null)
            .ThenBy(r => r.SlotStart)
            .ThenByDescending(r => r.SubmittedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The request's short manage link where it has one, which fits a text; else the full one.</summary>
    private string LinkFor(ConsultationRequest request) => shortLinks.UrlFor(request) ?? links.UrlFor(request);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}

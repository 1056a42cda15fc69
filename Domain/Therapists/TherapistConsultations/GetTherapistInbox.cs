using System.Linq.Expressions;
using FluentValidation;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Therapists.TherapistConsultations;

/// <summary>
/// The therapist's inbox in four groups: what waits for them, what waits for the prospect, the calls to come, and one
/// page (<paramref name="PastPage"/>, from 1) of the requests that have ended. Their own requests and the callbacks no
/// therapist has taken yet, as <see cref="TherapistVisibility"/> has it. With <paramref name="EveryTherapist"/>, every
/// therapist's inbox at once (<see cref="TherapistVisibility.VisibleToAdmin"/>: for the practice's administrator), read in
/// the zone of <paramref name="TherapistId"/>, the reader.
/// </summary>
public sealed record GetTherapistInbox(string TherapistId, int PastPage, bool EveryTherapist = false) : IRequest<TherapistInboxGroups>
{
    /// <summary>How many past requests one page holds.</summary>
    public const int PastPageSize = 25;

    /// <summary>The furthest page of past requests one may ask for.</summary>
    public const int MaxPastPage = 10_000;
}

/// <summary>
/// The inbox, read in <paramref name="TimeZone"/>, the therapist's own zone.
/// <list type="bullet">
/// <item><paramref name="NeedsAction"/>: held times to confirm, and callbacks with no open proposal; newest submitted first.</item>
/// <item><paramref name="AwaitingProspect"/>: callbacks with times proposed and not yet answered; soonest deadline first.</item>
/// <item><paramref name="Upcoming"/>: confirmed calls; soonest first (a call whose time has passed stays until it is completed or marked a no-show).</item>
/// <item><paramref name="Past"/>: completed, no-show, declined, cancelled and expired requests; latest closed first, one page of
/// <paramref name="PastPageSize"/>; <paramref name="PastTotal"/> counts them all.</item>
/// </list>
/// </summary>
public sealed record TherapistInboxGroups(
    DateTimeZone TimeZone,
    IReadOnlyList<InboxItem> NeedsAction,
    IReadOnlyList<InboxItem> AwaitingProspect,
    IReadOnlyList<InboxItem> Upcoming,
    IReadOnlyList<InboxItem> Past,
    int PastTotal,
    int PastPageSize);

/// <summary>
/// One request as an inbox line: whose it is (<paramref name="TherapistId"/>, none for an untaken callback), who, how they are reached (<paramref name="Channel"/>: texts only with their consent,
/// otherwise email), when they asked and for when. <paramref name="ActBy"/> is when the request lapses unless someone
/// acts: for a held time, its start minus the practice's minimum notice; for an open proposal, its deadline; otherwise
/// none. Never the prospect's own words, phone or email: those are read one request at a time.
/// </summary>
public sealed record InboxItem(
    ConsultationRequestId Id,
    string? TherapistId,
    ConsultationStatus Status,
    string? ShortCode,
    string Name,
    ContactChannel Channel,
    Instant SubmittedAt,
    Instant? SlotStart,
    Instant? SlotEnd,
    Instant? ActBy,
    Instant? AttendanceConfirmedAt,
    Instant? ClosedAt,
    CancelledBy? CancelledBy);

internal sealed class GetTherapistInboxHandler(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : IRequestHandler<GetTherapistInbox, TherapistInboxGroups>
{
    private const int PastPageSize = GetTherapistInbox.PastPageSize;

    private static readonly Expression<Func<ConsultationRequest, bool>> NeedsAction = r =>
        r.Status == ConsultationStatus.Pending || (r.Status == ConsultationStatus.Requested && r.ProposalExpiresAt == null);

    private static readonly Expression<Func<ConsultationRequest, bool>> AwaitingProspect = r =>
        r.Status == ConsultationStatus.Requested && r.ProposalExpiresAt != null;

    private static readonly Expression<Func<ConsultationRequest, bool>> Past = r =>
        r.Status == ConsultationStatus.Completed || r.Status == ConsultationStatus.NoShow || r.Status == ConsultationStatus.Declined
        || r.Status == ConsultationStatus.Cancelled || r.Status == ConsultationStatus.Expired;

    /// <summary>Only the columns a line shows (and what its deadline is computed from); never a whole request.</summary>
    private static readonly Expression<Func<ConsultationRequest, Row>> Columns = r => new Row(
        r.Id, r.TherapistId, r.Status, r.ShortCode, r.Prospect.Name, r.Prospect.PreferredChannel, r.Prospect.SmsConsent, r.SubmittedAt,
        r.SlotStart, r.SlotEnd, r.ProposalExpiresAt, r.AttendanceConfirmedAt, r.ClosedAt, r.CancelledBy);

    public async Task<TherapistInboxGroups> Handle(GetTherapistInbox query, CancellationToken cancellationToken)
    {
        var zoneId = await db.Therapists.AsNoTracking().Where(t => t.Id == query.TherapistId).Select(t => t.TimeZoneId)
            .SingleAsync(cancellationToken);
        var notice = practice.Value.MinimumNotice();
        var visible = db.ConsultationRequests.AsNoTracking().Where(TherapistVisibility.Readable(query.TherapistId, asAdmin: query.EveryTherapist));

        var needsAction = await ReadAsync(visible.Where(NeedsAction)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id), cancellationToken);
        var awaitingProspect = await ReadAsync(visible.Where(AwaitingProspect)
            .OrderBy(r => r.ProposalExpiresAt).ThenBy(r => r.Id), cancellationToken);
        var upcoming = await ReadAsync(visible.Where(r => r.Status == ConsultationStatus.Confirmed)
            .OrderBy(r => r.SlotStart).ThenBy(r => r.Id), cancellationToken);
        var past = visible.Where(Past);
        var pastTotal = await past.CountAsync(cancellationToken);
        var pastPage = await ReadAsync(past
            .OrderByDescending(r => r.ClosedAt).ThenBy(r => r.Id)
            .Skip((query.PastPage - 1) * PastPageSize).Take(PastPageSize), cancellationToken);

        return new TherapistInboxGroups(
            DateTimeZoneProviders.Tzdb[zoneId],
            Items(needsAction, notice),
            Items(awaitingProspect, notice),
            Items(upcoming, notice),
            Items(pastPage, notice),
            pastTotal,
            PastPageSize);
    }

    private static Task<List<Row>> ReadAsync(IQueryable<ConsultationRequest> requests, CancellationToken cancellationToken) =>
        requests.Select(Columns).ToListAsync(cancellationToken);

    private static List<InboxItem> Items(List<Row> rows, Duration notice) => rows.Select(row => new InboxItem(
        row.Id,
        row.TherapistId,
        row.Status,
        row.ShortCode,
        row.Name,
        Prospect.ReachByFor(row.PreferredChannel, row.SmsConsent),
        row.SubmittedAt,
        row.SlotStart,
        row.SlotEnd,
        ConsultationRequest.LapsesAt(row.Status, row.SlotStart, row.ProposalExpiresAt, notice),
        row.AttendanceConfirmedAt,
        row.ClosedAt,
        row.CancelledBy)).ToList();

    private sealed record Row(
        ConsultationRequestId Id,
        string? TherapistId,
        ConsultationStatus Status,
        string? ShortCode,
        string Name,
        ContactChannel PreferredChannel,
        bool SmsConsent,
        Instant SubmittedAt,
        Instant? SlotStart,
        Instant? SlotEnd,
        Instant? ProposalExpiresAt,
        Instant? AttendanceConfirmedAt,
        Instant? ClosedAt,
        CancelledBy? CancelledBy);
}

internal sealed class GetTherapistInboxValidator : AbstractValidator<GetTherapistInbox>
{
    public GetTherapistInboxValidator() =>
        RuleFor(q => q.PastPage)
            .InclusiveBetween(1, GetTherapistInbox.MaxPastPage)
            .WithMessage($"PastPage must be from 1 to {GetTherapistInbox.MaxPastPage}.");
}

using Intake.Domain.Availability;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Consultations.Rules;
using Intake.Domain.Data;
using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// A prospect's request for the free phone consultation: the aggregate every later step acts on.
/// Each transition checks its rule and raises the events whose handlers queue the messages it implies,
/// so that the state change and its messages are saved in one transaction; each also records what changed, by whom
/// and when in <see cref="History"/>.
/// </summary>
public sealed class ConsultationRequest : IHasDomainEvents
{
    private static readonly TransitionResult Done = new TransitionResult.Ok();

    private readonly List<INotification> _events = [];
    private readonly List<ConsultationChange> _history = [];
    private readonly List<SlotHold> _holds = [];
    private readonly List<Slot> _proposedSlots = [];

    private ConsultationRequest()
    {
        Prospect = null!; // materialised by EF Core
    }

    private ConsultationRequest(ConsultationRequestId id, Prospect prospect, string? message, Instant submittedAt, ConsultationStatus status)
    {
        Id = id;
        ShortCode = ShortLinks.NewCode();
        Prospect = prospect;
        Message = message;
        SubmittedAt = submittedAt;
        Status = status;
    }

    public ConsultationRequestId Id { get; private set; }

    /// <summary>The code of the request's short manage link (/m/{code}) in texts; see <see cref="ShortLinks"/>.</summary>
    public string? ShortCode { get; private set; }

    public Prospect Prospect { get; private set; }

    /// <summary>The prospect's own words. Sensitive: never logged, never put in a text or an email.</summary>
    public string? Message { get; private set; }

    public ConsultationStatus Status { get; private set; }

    public Instant SubmittedAt { get; private set; }

    /// <summary>When the prospect said they will be there (replied C or YES to a reminder).</summary>
    public Instant? AttendanceConfirmedAt { get; private set; }

    /// <summary>The iCalendar SEQUENCE of the call's invitation: raised each time a confirmed call moves or is called off.</summary>
    public int CalendarSequence { get; private set; }

    /// <summary>The therapist whose time this request holds or was given; none for an open callback request.</summary>
    public string? TherapistId { get; private set; }

    public Instant? SlotStart { get; private set; }

    public Instant? SlotEnd { get; private set; }

    /// <summary>The slot as one value, when the request has one.</summary>
    public Slot? Slot => TherapistId is not null && SlotStart is { } start && SlotEnd is { } end
        ? new Slot(TherapistId, start, end)
        : null;

    /// <summary>The minutes of the therapist's time this request keeps from anyone else.</summary>
    public IReadOnlyList<SlotHold> Holds => _holds;

    public IReadOnlyList<INotification> Events => _events;

    /// <summary>
    /// The changes this instance has made, oldest first, each under the version it gave the request. Not loaded with
    /// the request: a change adds its entry here and the save inserts it; the whole history is read with
    /// GetConsultationHistory.
    /// </summary>
    public IReadOnlyList<ConsultationChange> History => _history;

    /// <summary>
    /// Moves on with every change the request takes; EF Core saves a change only while the stored version is still
    /// the one it read, so of two changes made at the same moment exactly one is written (docs/decisions/011).
    /// </summary>
    public int Version { get; private set; }

    /// <summary>The times the therapist offered in the latest proposal, earliest first; kept once answered, as a record.</summary>
    public IReadOnlyList<Slot> ProposedSlots => _proposedSlots;

    /// <summary>When the therapist made the latest proposal.</summary>
    public Instant? ProposalsMadeAt { get; private set; }

    /// <summary>When an unanswered proposal lapses and the request expires; none while no proposal is open.</summary>
    public Instant? ProposalExpiresAt { get; private set; }

    /// <summary>When the call got its confirmed time (confirmed, or a proposed time accepted); a reschedule keeps it.</summary>
    public Instant? ConfirmedAt { get; private set; }

    /// <summary>When the request reached its end: Declined, Cancelled, Expired, Completed or NoShow.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>The therapist's optional short note to the prospect when declining. Goes in the email, never in a text.</summary>
    public string? DeclineNote { get; private set; }

    /// <summary>Who cancelled, for a Cancelled request.</summary>
    public CancelledBy? CancelledBy { get; private set; }

    /// <summary>Requested, Pending or Confirmed: the request may still be declined or cancelled.</summary>
    public bool IsOpen => Status is ConsultationStatus.Requested or ConsultationStatus.Pending or ConsultationStatus.Confirmed;

    /// <summary>A prospect asks to be called back: no time named yet, the therapist will give one.</summary>
    public static ConsultationRequest Submit(Prospect prospect, string? message, Instant now)
    {
        var request = new ConsultationRequest(ConsultationRequestId.New(), prospect, message, now, ConsultationStatus.Requested);
        request.Raise(new ConsultationRequested(request), ConsultationChangeKind.Requested, ChangedBy.Prospect, now);
        return request;
    }

    /// <summary>
    /// A prospect picks an open slot: the request is Pending and holds the slot (and the buffer after it) until it
    /// is confirmed, declined or expires. Whether the slot is open is the caller's check against availability;
    /// that no one else holds it is the database's, through the holds.
    /// </summary>
    public static ConsultationRequest HoldSlot(Prospect prospect, string? message, Slot slot, Duration buffer, Instant now)
    {
        var request = new ConsultationRequest(ConsultationRequestId.New(), prospect, message, now, ConsultationStatus.Pending);
        request.Take(slot, buffer);
        request.Raise(new ConsultationRequested(request), ConsultationChangeKind.TimeHeld, ChangedBy.Prospect, now);
        return request;
    }

    public void ClearEvents() => _events.Clear();

    /// <summary>
    /// When a Pending request lapses unless the therapist confirms it: its time's start minus the practice's minimum
    /// notice. At that moment <see cref="Expire"/> takes it.
    /// </summary>
    public static Instant HeldTimeLapsesAt(Instant slotStart, Duration minimumNotice) => slotStart - minimumNotice;

    /// <summary>
    /// When a request in <paramref name="status"/> lapses if nobody acts: a Pending one when its held time can no
    /// longer be confirmed (<see cref="HeldTimeLapsesAt"/>), a Requested one with an open proposal when the proposal
    /// does (<paramref name="proposalExpiresAt"/>); any other never.
    /// </summary>
    public static Instant? LapsesAt(ConsultationStatus status, Instant? slotStart, Instant? proposalExpiresAt, Duration minimumNotice) =>
        status switch
        {
            ConsultationStatus.Pending when slotStart is { } start => HeldTimeLapsesAt(start, minimumNotice),
            ConsultationStatus.Requested => proposalExpiresAt,
            _ => null,
        };

    /// <summary>The prospect says they will be there. Recorded on a confirmed call that has not started; otherwise refused.</summary>
    public TransitionResult ConfirmAttendance(Instant now)
    {
        if (Status != ConsultationStatus.Confirmed)
            return Refuse(ConsultationRules.OnlyConfirmedCanBeAttended, $"A {Status} request has no call to attend.");
        if (HasStarted(now))
            return StartedRefusal("confirmed for attendance");
        if (AttendanceConfirmedAt is null)
        {
            AttendanceConfirmedAt = now;
            Record(ConsultationChangeKind.AttendanceConfirmed, ChangedBy.Prospect, now);
        }

        return Done;
    }

    /// <summary>The therapist confirms a Pending request at the time it holds; the holds stay.</summary>
    public TransitionResult Confirm(Instant now)
    {
        if (Status == ConsultationStatus.Requested)
            return Refuse(ConsultationRules.CallbackNeedsATimeToConfirm, "A callback request is confirmed with a time.");
        if (Status != ConsultationStatus.Pending)
            return Refuse(ConsultationRules.OnlyPendingOrRequestedCanBeConfirmed, $"A {Status} request cannot be confirmed.");
        if (HasStarted(now))
            return StartedRefusal("confirmed");

        ConfirmedAt = now;
        Status = ConsultationStatus.Confirmed;
        Raise(new ConsultationConfirmed(this, now), ConsultationChangeKind.Confirmed, ChangedBy.Therapist, now);
        return Done;
    }

    /// <summary>
    /// The therapist confirms a callback request by giving it a time: the request takes the slot (and the buffer
    /// after it). Whether the slot is open is the caller's check; that no one else holds it is the database's.
    /// </summary>
    public TransitionResult Confirm(Slot slot, Duration buffer, Instant now)
    {
        EnsureWellFormed(slot, buffer);
        if (Status == ConsultationStatus.Pending)
            return Refuse(ConsultationRules.PendingIsConfirmedAtTheHeldTime,
                "A Pending request is confirmed at the time it holds; propose other times instead.");
        if (Status != ConsultationStatus.Requested)
            return Refuse(ConsultationRules.OnlyPendingOrRequestedCanBeConfirmed, $"A {Status} request cannot be confirmed.");
        if (slot.Start <= now)
            return PastTimeRefusal();

        Take(slot, buffer);
        ConfirmedAt = now;
        Status = ConsultationStatus.Confirmed;
        Raise(new ConsultationConfirmed(this, now), ConsultationChangeKind.Confirmed, ChangedBy.Therapist, now);
        return Done;
    }

    /// <summary>
    /// The therapist declines an open request, optionally with a short note to the prospect; the time is freed. A
    /// callback nobody had taken becomes <paramref name="therapistId"/>'s, so it stays theirs alone once closed.
    /// </summary>
    public TransitionResult Decline(string? note, string therapistId, Instant now)
    {
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > ConsultationRules.DeclineNoteMaxLength })
            throw new ArgumentException(
                $"A decline note has at most {ConsultationRules.DeclineNoteMaxLength} characters; the validator should have refused it.",
                nameof(note));
        if (!IsOpen)
            return Refuse(ConsultationRules.OnlyOpenRequestsCanBeDeclined, $"A {Status} request cannot be declined.");
        if (HasStarted(now))
            return StartedRefusal("declined");

        DeclineNote = trimmed;
        TakenBy(therapistId);
        Close(ConsultationStatus.Declined, now, releaseHolds: true);
        Raise(new ConsultationDeclined(this, now), ConsultationChangeKind.Declined, ChangedBy.Therapist, now);
        return Done;
    }

    /// <summary>
    /// The therapist offers one to five of their other times to a request still waiting for them. A Pending request
    /// gives up the slot it held (the therapist said that time does not work) and is Requested again, without a time,
    /// until the prospect accepts one of the offered times; it stays the proposing therapist's, and a callback nobody
    /// had taken becomes theirs. A new proposal replaces the previous one. Unanswered, the proposal lapses at
    /// <paramref name="expiry"/>'s deadline for these times (see <see cref="ProposalExpiry"/>) and the request expires.
    /// </summary>
    public TransitionResult ProposeTimes(IReadOnlyList<Slot> slots, ProposalExpiry expiry, Instant now)
    {
        ArgumentNullException.ThrowIfNull(slots);
        foreach (var slot in slots)
            EnsureWellFormed(slot, Duration.Zero);
        if (Status is not (ConsultationStatus.Requested or ConsultationStatus.Pending))
            return Refuse(ConsultationRules.OnlyPendingOrRequestedCanBeOfferedTimes, $"A {Status} request cannot be offered other times.");
        if (HasStarted(now))
            return StartedRefusal("offered other times");
        if (slots.Count is 0 or > ConsultationRules.MaxProposedTimes)
            return Refuse(ConsultationRules.ProposeOneToFiveTimes, $"A proposal offers 1 to {ConsultationRules.MaxProposedTimes} times, not {slots.Count}.");
        if (slots.Select(s => s.Start).Distinct().Count() != slots.Count)
            return Refuse(ConsultationRules.ProposeOneToFiveTimes, "Each proposed time must start at a different moment.");
        if (slots.Any(s => s.Start <= now))
            return PastTimeRefusal();
        if (slots.Select(s => s.TherapistId).Distinct().Count() > 1)
            throw new ArgumentException("A proposal offers one therapist's times.", nameof(slots));
        if (TherapistId is not null && slots[0].TherapistId != TherapistId)
            throw new ArgumentException("Only the request's own therapist offers it times.", nameof(slots));

        var released = Status == ConsultationStatus.Pending ? Slot : null;
        if (released is not null)
        {
            _holds.Clear();
            SlotStart = null;
            SlotEnd = null;
            Status = ConsultationStatus.Requested;
        }

        TakenBy(slots[0].TherapistId);
        _proposedSlots.Clear();
        _proposedSlots.AddRange(slots.OrderBy(s => s.Start));
        ProposalsMadeAt = now;
        ProposalExpiresAt = expiry.DeadlineFor(_proposedSlots, now);
        Raise(new AlternativeTimesProposed(this, released, now), ConsultationChangeKind.TimesProposed, ChangedBy.Therapist, now);
        return Done;
    }

    /// <summary>
    /// The prospect accepts one of the proposed times, named by its start: the call is confirmed at once at that
    /// time, and the request takes the slot (and the buffer after it).
    /// </summary>
    public TransitionResult AcceptProposedTime(Instant start, Duration buffer, Instant now)
    {
        EnsureWellFormed(buffer);
        if (Status != ConsultationStatus.Requested)
            return Refuse(ConsultationRules.OnlyRequestedCanAcceptAProposedTime, $"A {Status} request has no open proposal to accept.");
        var offered = _proposedSlots.FindIndex(s => s.Start == start);
        if (offered < 0)
            return Refuse(ConsultationRules.ProposedTimeMustBeOneOffered, "That time is not one the therapist offered.");
        var slot = _proposedSlots[offered];
        if (slot.Start <= now)
            return PastTimeRefusal();

        Take(slot, buffer);
        ProposalExpiresAt = null;
        ConfirmedAt = now;
        Status = ConsultationStatus.Confirmed;
        Raise(new ConsultationConfirmed(this, now), ConsultationChangeKind.ProposedTimeAccepted, ChangedBy.Prospect, now);
        return Done;
    }

    /// <summary>
    /// A confirmed call moves to another time: same request, still Confirmed; its holds move with it. Whoever moved it
    /// (<paramref name="by"/>), the other side is told.
    /// </summary>
    public TransitionResult Reschedule(Slot slot, Duration buffer, Instant now, RescheduledBy by = RescheduledBy.Therapist)
    {
        EnsureWellFormed(slot, buffer);
        if (Status != ConsultationStatus.Confirmed)
            return Refuse(ConsultationRules.OnlyConfirmedCanBeRescheduled, $"A {Status} request cannot be rescheduled.");
        if (HasStarted(now))
            return StartedRefusal("rescheduled");
        var previous = Slot ?? throw new InvalidOperationException($"Confirmed request {Id} has no slot.");
        if (slot == previous)
            return Refuse(ConsultationRules.RescheduleNeedsADifferentTime, "The call already has that time.");
        if (slot.Start <= now)
            return PastTimeRefusal();

        Take(slot, buffer);
        CalendarSequence++;
        Raise(new ConsultationRescheduled(this, previous, now, by), ConsultationChangeKind.Rescheduled,
            by == RescheduledBy.Prospect ? ChangedBy.Prospect : ChangedBy.Therapist, now);
        return Done;
    }

    /// <summary>
    /// The prospect or the therapist calls off an open request before its time; the time is freed. A therapist who
    /// calls off a callback nobody had taken (<paramref name="therapistId"/>) takes it, so it stays theirs alone.
    /// </summary>
    public TransitionResult Cancel(CancelledBy by, Instant now, string? therapistId = null)
    {
        if (!Enum.IsDefined(by))
            throw new ArgumentOutOfRangeException(nameof(by), by, "Unknown canceller.");
        if (!IsOpen)
            return Refuse(ConsultationRules.OnlyOpenRequestsCanBeCancelled, $"A {Status} request cannot be cancelled.");
        if (HasStarted(now))
            return StartedRefusal("cancelled");

        CancelledBy = by;
        if (by == Consultations.CancelledBy.Therapist)
            TakenBy(therapistId);
        Close(ConsultationStatus.Cancelled, now, releaseHolds: true);
        Raise(new ConsultationCancelled(this, by, now), ConsultationChangeKind.Cancelled,
            by == Consultations.CancelledBy.Prospect ? ChangedBy.Prospect : ChangedBy.Therapist, now);
        return Done;
    }

    /// <summary>
    /// A Pending request not confirmed before the minimum notice ran out (now at or after its start minus the notice)
    /// expires and frees its slot; so does a request whose proposal the prospect left unanswered past its deadline
    /// (<see cref="ProposalExpiresAt"/>). A callback request with no time and no proposal does not expire.
    /// </summary>
    public TransitionResult Expire(Duration minimumNotice, Instant now)
    {
        if (minimumNotice < Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(minimumNotice), minimumNotice, "The minimum notice cannot be negative.");
        if (Status == ConsultationStatus.Requested && ProposalExpiresAt is { } lapses)
        {
            if (now < lapses)
                return Refuse(ConsultationRules.NotBeforeTheProposalLapses, "The proposed times can still be accepted.");
            ProposalExpiresAt = null;
            Close(ConsultationStatus.Expired, now, releaseHolds: true);
            Raise(new ConsultationExpired(this, now, ProposalLapsed: true), ConsultationChangeKind.Expired, ChangedBy.Intake, now);
            return Done;
        }

        if (Status != ConsultationStatus.Pending)
            return Refuse(ConsultationRules.OnlyPendingExpires, $"A {Status} request does not expire.");
        var start = SlotStart ?? throw new InvalidOperationException($"Pending request {Id} has no slot.");
        if (now < HeldTimeLapsesAt(start, minimumNotice))
            return Refuse(ConsultationRules.NotBeforeTheNoticeRunsOut, "The held time can still be confirmed within the minimum notice.");

        Close(ConsultationStatus.Expired, now, releaseHolds: true);
        Raise(new ConsultationExpired(this, now, ProposalLapsed: false), ConsultationChangeKind.Expired, ChangedBy.Intake, now);
        return Done;
    }

    /// <summary>The call took place. Its holds stay: the time was used.</summary>
    public TransitionResult Complete(Instant now)
    {
        if (Status != ConsultationStatus.Confirmed)
            return Refuse(ConsultationRules.OnlyConfirmedCanBeCompleted, $"A {Status} request cannot be completed.");
        if (!HasStarted(now))
            return Refuse(ConsultationRules.CompleteOnlyAfterTheCallStarted, "The call's time has not started yet.");

        Close(ConsultationStatus.Completed, now, releaseHolds: false);
        Raise(new ConsultationCompleted(this, now), ConsultationChangeKind.Completed, ChangedBy.Therapist, now);
        return Done;
    }

    /// <summary>The prospect did not take the call. Its holds stay: the time was set aside.</summary>
    public TransitionResult MarkNoShow(Instant now)
    {
        if (Status != ConsultationStatus.Confirmed)
            return Refuse(ConsultationRules.OnlyConfirmedCanBeMarkedNoShow, $"A {Status} request cannot be marked a no-show.");
        if (!HasStarted(now))
            return Refuse(ConsultationRules.NoShowOnlyAfterTheCallStarted, "The call's time has not started yet.");

        Close(ConsultationStatus.NoShow, now, releaseHolds: false);
        Raise(new ConsultationMarkedNoShow(this, now), ConsultationChangeKind.NoShow, ChangedBy.Therapist, now);
        return Done;
    }

    private void Take(Slot slot, Duration buffer)
    {
        TherapistId = slot.TherapistId;
        SlotStart = slot.Start;
        SlotEnd = slot.End;
        _holds.Clear();
        _holds.AddRange(SlotHold.Cover(slot, buffer, Id));
    }

    /// <summary>Every change but a confirmed attendance raises the event that says what happened, and is recorded.</summary>
    private void Raise(INotification @event, ConsultationChangeKind what, ChangedBy by, Instant at)
    {
        _events.Add(@event);
        Record(what, by, at);
    }

    /// <summary>
    /// The one place a change moves the version on, and adds its entry to the history under that version. A therapist's
    /// entry names the request's therapist after the change (a callback they took is theirs by now).
    /// </summary>
    private void Record(ConsultationChangeKind what, ChangedBy by, Instant at)
    {
        Version++;
        _history.Add(new ConsultationChange(Id, Version, at, what, by, by == ChangedBy.Therapist ? TherapistId : null));
    }

    /// <summary>A therapist who acts on a callback nobody had taken takes it: from then on it is theirs alone.</summary>
    private void TakenBy(string? therapistId)
    {
        if (TherapistId is null && !string.IsNullOrWhiteSpace(therapistId))
            TherapistId = therapistId;
    }

    private static TransitionResult.Refused Refuse(string rule, string reason) => new(rule, reason);

    private static TransitionResult.Refused StartedRefusal(string what) =>
        Refuse(ConsultationRules.CannotChangeAfterTheCallStarted, $"The request's time has started; it can no longer be {what}.");

    private static TransitionResult.Refused PastTimeRefusal() =>
        Refuse(ConsultationRules.NewTimeMustBeInTheFuture, "That time has already started.");

    /// <summary>True once the request's time has started; a request without a time has none to start.</summary>
    private bool HasStarted(Instant now) => SlotStart is { } start && now >= start;

    private void Close(ConsultationStatus status, Instant now, bool releaseHolds)
    {
        if (releaseHolds)
            _holds.Clear();
        if (Status == ConsultationStatus.Confirmed && status is ConsultationStatus.Cancelled or ConsultationStatus.Declined)
            CalendarSequence++; // the invitation calendars hold is withdrawn
        Status = status;
        ClosedAt = now;
    }

    /// <summary>A slot that ends before it starts, or a negative buffer, is a caller's bug, not a user's choice.</summary>
    private static void EnsureWellFormed(Slot slot, Duration buffer)
    {
        if (string.IsNullOrWhiteSpace(slot.TherapistId))
            throw new ArgumentException("A slot names its therapist.", nameof(slot));
        if (slot.Start >= slot.End)
            throw new ArgumentException($"A slot must start before it ends ({slot.Start} is not before {slot.End}).", nameof(slot));
        EnsureWellFormed(buffer);
    }

    private static void EnsureWellFormed(Duration buffer)
    {
        if (buffer < Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(buffer), buffer, "The buffer cannot be negative.");
    }
}

namespace Intake.Domain.Consultations.Rules;

/// <summary>
/// The names of the rules a consultation request's transitions check. A refused transition names one of them,
/// and the API shows it in its 409 problem document, so a name is part of the contract: add names, never reuse one.
/// </summary>
public static class ConsultationRules
{
    /// <summary>Confirm works on a request that is still waiting: Requested (callback) or Pending (slot held).</summary>
    public const string OnlyPendingOrRequestedCanBeConfirmed = nameof(OnlyPendingOrRequestedCanBeConfirmed);

    /// <summary>A callback request names no time: the therapist confirms it by giving one.</summary>
    public const string CallbackNeedsATimeToConfirm = nameof(CallbackNeedsATimeToConfirm);

    /// <summary>A Pending request is confirmed at the time it holds; another time is proposed, not confirmed.</summary>
    public const string PendingIsConfirmedAtTheHeldTime = nameof(PendingIsConfirmedAtTheHeldTime);

    /// <summary>Declining needs an open request: Requested, Pending or Confirmed.</summary>
    public const string OnlyOpenRequestsCanBeDeclined = nameof(OnlyOpenRequestsCanBeDeclined);

    /// <summary>Cancelling needs an open request: Requested, Pending or Confirmed.</summary>
    public const string OnlyOpenRequestsCanBeCancelled = nameof(OnlyOpenRequestsCanBeCancelled);

    /// <summary>Other times are offered while the request still waits for the therapist: Requested or Pending.</summary>
    public const string OnlyPendingOrRequestedCanBeOfferedTimes = nameof(OnlyPendingOrRequestedCanBeOfferedTimes);

    /// <summary>A proposal offers one to five times, each starting at a different moment.</summary>
    public const string ProposeOneToFiveTimes = nameof(ProposeOneToFiveTimes);

    /// <summary>A proposed time is accepted while the proposal is open, i.e. the request is still Requested.</summary>
    public const string OnlyRequestedCanAcceptAProposedTime = nameof(OnlyRequestedCanAcceptAProposedTime);

    /// <summary>The prospect can only accept a time the therapist offered in the latest proposal.</summary>
    public const string ProposedTimeMustBeOneOffered = nameof(ProposedTimeMustBeOneOffered);

    /// <summary>Only a Confirmed call moves to another time.</summary>
    public const string OnlyConfirmedCanBeRescheduled = nameof(OnlyConfirmedCanBeRescheduled);

    /// <summary>Rescheduling to the time the call already has changes nothing and tells no one.</summary>
    public const string RescheduleNeedsADifferentTime = nameof(RescheduleNeedsADifferentTime);

    /// <summary>A time given now (to confirm, propose, accept or reschedule to) must not have started already.</summary>
    public const string NewTimeMustBeInTheFuture = nameof(NewTimeMustBeInTheFuture);

    /// <summary>
    /// Once the request's time has started it can no longer be confirmed, declined, cancelled, moved or answered
    /// with other times: a Pending one can only expire, a Confirmed one is completed or marked a no-show.
    /// </summary>
    public const string CannotChangeAfterTheCallStarted = nameof(CannotChangeAfterTheCallStarted);

    /// <summary>An unanswered proposal expires only once its deadline has passed.</summary>
    public const string NotBeforeTheProposalLapses = nameof(NotBeforeTheProposalLapses);

    /// <summary>
    /// Another change to the request was saved between reading it and saving this one (its version moved on): this
    /// one is refused rather than written over it. Read the request again and decide anew.
    /// </summary>
    public const string ChangedMeanwhile = nameof(ChangedMeanwhile);

    /// <summary>Only a held slot, or an open proposal, expires; a callback request without either does not.</summary>
    public const string OnlyPendingExpires = nameof(OnlyPendingExpires);

    /// <summary>A Pending request expires once now is at or after its start minus the practice's minimum notice.</summary>
    public const string NotBeforeTheNoticeRunsOut = nameof(NotBeforeTheNoticeRunsOut);

    /// <summary>Only a Confirmed call is completed.</summary>
    public const string OnlyConfirmedCanBeCompleted = nameof(OnlyConfirmedCanBeCompleted);

    /// <summary>A call is completed only once its time has started.</summary>
    public const string CompleteOnlyAfterTheCallStarted = nameof(CompleteOnlyAfterTheCallStarted);

    /// <summary>Only a Confirmed call is marked a no-show.</summary>
    public const string OnlyConfirmedCanBeMarkedNoShow = nameof(OnlyConfirmedCanBeMarkedNoShow);

    /// <summary>A prospect is a no-show only once the call's time has started.</summary>
    public const string NoShowOnlyAfterTheCallStarted = nameof(NoShowOnlyAfterTheCallStarted);

    /// <summary>The longest note a therapist may add when declining (a shape check for the validator; the aggregate throws past it).</summary>
    public const int DeclineNoteMaxLength = 500;

    /// <summary>The most times one proposal may offer.</summary>
    public const int MaxProposedTimes = 5;

    /// <summary>Attendance is confirmed only for a confirmed call that has not started.</summary>
    public const string OnlyConfirmedCanBeAttended = nameof(OnlyConfirmedCanBeAttended);
}

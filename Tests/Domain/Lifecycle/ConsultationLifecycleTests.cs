using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Rules;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Domain.Lifecycle;

/// <summary>
/// Every transition of a consultation request: what it does when allowed (state, slot, holds, event) and, when
/// refused, which rule refused it, with nothing changed and nothing raised.
/// </summary>
public class ConsultationLifecycleTests
{
    private static readonly Instant Submitted = Instant.FromUtc(2027, 3, 14, 6, 30);
    private static readonly Duration Buffer = Duration.FromMinutes(10);
    private static readonly Duration Notice = Duration.FromMinutes(120);
    private static readonly ProposalExpiry Proposals = new(Notice, AnswerWithin: null);

    /// <summary>The slot a Pending request holds (and every Confirmed one built from it).</summary>
    private static readonly Slot Held = new("t-ada", Instant.FromUtc(2027, 3, 16, 14, 0), Instant.FromUtc(2027, 3, 16, 14, 15));

    private static readonly Slot Later = new("t-ada", Instant.FromUtc(2027, 3, 17, 15, 0), Instant.FromUtc(2027, 3, 17, 15, 15));

    private static readonly Slot Elsewhere = new("t-bo", Instant.FromUtc(2027, 3, 18, 13, 30), Instant.FromUtc(2027, 3, 18, 13, 45));

    /// <summary>The same hour as <see cref="Elsewhere"/>, on Ada's own calendar: a proposal offers one therapist's times.</summary>
    private static readonly Slot Thursday = Elsewhere with { TherapistId = "t-ada" };

    /// <summary>Overlaps <see cref="Held"/> by ten minutes, so a reschedule to it must drop some minutes and keep others.</summary>
    private static readonly Slot Overlapping = new("t-ada", Instant.FromUtc(2027, 3, 16, 13, 55), Instant.FromUtc(2027, 3, 16, 14, 10));

    private FakeClock _clock = null!;

    private Instant Now => _clock.GetCurrentInstant();

    [SetUp]
    public void StartAnHourAfterSubmission() => _clock = new FakeClock(Submitted + Duration.FromHours(1));

    // ---- Confirm ----

    [Test]
    public void Confirm_Pending_ConfirmsTheHeldTimeAndKeepsItsHolds()
    {
        var request = InState(ConsultationStatus.Pending);

        var result = request.Confirm(Now);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.TypeOf<TransitionResult.Ok>());
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Confirmed));
            Assert.That(request.Slot, Is.EqualTo(Held));
            Assert.That(HeldMinutes(request), Is.EqualTo(Minutes(Held)));
            Assert.That(request.ConfirmedAt, Is.EqualTo(Now));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationConfirmed(request, Now) }));
        });
    }

    [Test]
    public void Confirm_CallbackWithATime_TakesTheSlotAndItsBuffer()
    {
        var request = InState(ConsultationStatus.Requested);

        var result = request.Confirm(Elsewhere, Buffer, Now);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Confirmed));
            Assert.That(request.Slot, Is.EqualTo(Elsewhere));
            Assert.That(request.TherapistId, Is.EqualTo("t-bo"));
            Assert.That(HeldMinutes(request), Is.EqualTo(Minutes(Elsewhere)));
            Assert.That(request.Holds.Select(h => h.TherapistId), Is.All.EqualTo("t-bo"));
            Assert.That(request.Holds.Select(h => h.HeldBy), Is.All.EqualTo(request.Id));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationConfirmed(request, Now) }));
        });
    }

    [TestCase(ConsultationStatus.Confirmed)]
    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void Confirm_WhenNotWaiting_IsRefused(ConsultationStatus status)
    {
        AssertRefused(InState(status), r => r.Confirm(Now), ConsultationRules.OnlyPendingOrRequestedCanBeConfirmed);
        AssertRefused(InState(status), r => r.Confirm(Later, Buffer, Now), ConsultationRules.OnlyPendingOrRequestedCanBeConfirmed);
    }

    [Test]
    public void Confirm_CallbackWithoutATime_IsRefused() =>
        AssertRefused(InState(ConsultationStatus.Requested), r => r.Confirm(Now), ConsultationRules.CallbackNeedsATimeToConfirm);

    [Test]
    public void Confirm_PendingWithAnotherTime_IsRefused() =>
        AssertRefused(InState(ConsultationStatus.Pending), r => r.Confirm(Later, Buffer, Now), ConsultationRules.PendingIsConfirmedAtTheHeldTime);

    [TestCase(-1, true)]
    [TestCase(0, false)]
    [TestCase(5, false)]
    public void Confirm_Pending_OnlyBeforeItsTimeStarts(int minutesFromStart, bool allowed)
    {
        var request = InState(ConsultationStatus.Pending);
        _clock.Reset(Held.Start + Duration.FromMinutes(minutesFromStart));

        if (allowed)
            Assert.That(request.Confirm(Now).IsOk, Is.True);
        else
            AssertRefused(request, r => r.Confirm(Now), ConsultationRules.CannotChangeAfterTheCallStarted);
    }

    [Test]
    public void Confirm_CallbackWithATimeAlreadyStarted_IsRefused()
    {
        _clock.Reset(Elsewhere.Start);

        AssertRefused(InState(ConsultationStatus.Requested), r => r.Confirm(Elsewhere, Buffer, Now), ConsultationRules.NewTimeMustBeInTheFuture);
    }

    [Test]
    public void Confirm_SlotEndingBeforeItStarts_Throws()
    {
        var request = InState(ConsultationStatus.Requested);

        Assert.Throws<ArgumentException>(() => request.Confirm(new Slot("t-ada", Later.End, Later.Start), Buffer, Now));
        Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Requested));
    }

    // ---- Decline ----

    [TestCase(ConsultationStatus.Requested)]
    [TestCase(ConsultationStatus.Pending)]
    [TestCase(ConsultationStatus.Confirmed)]
    public void Decline_OpenRequest_ClosesItFreesItsTimeAndKeepsTheNote(ConsultationStatus status)
    {
        var request = InState(status);
        var slot = request.Slot;

        var result = request.Decline("  I am not taking new clients this month.  ", "t1", Now);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Declined));
            Assert.That(request.Holds, Is.Empty);
            Assert.That(request.Slot, Is.EqualTo(slot), "the declined time stays on record");
            Assert.That(request.DeclineNote, Is.EqualTo("I am not taking new clients this month."));
            Assert.That(request.ClosedAt, Is.EqualTo(Now));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationDeclined(request, Now) }));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Decline_WithoutANote_KeepsNone(string? note)
    {
        var request = InState(ConsultationStatus.Pending);

        Assert.That(request.Decline(note, "t1", Now).IsOk, Is.True);
        Assert.That(request.DeclineNote, Is.Null);
    }

    [Test]
    public void Decline_WithANoteOverTheLimit_ThrowsAndChangesNothing()
    {
        var request = InState(ConsultationStatus.Pending);

        Assert.Throws<ArgumentException>(() => request.Decline(new string('x', ConsultationRules.DeclineNoteMaxLength + 1), "t1", Now));
        Assert.Multiple(() =>
        {
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Pending));
            Assert.That(HeldMinutes(request), Is.EqualTo(Minutes(Held)));
            Assert.That(request.Events, Is.Empty);
        });
    }

    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void Decline_ClosedRequest_IsRefused(ConsultationStatus status) =>
        AssertRefused(InState(status), r => r.Decline("no", "t1", Now), ConsultationRules.OnlyOpenRequestsCanBeDeclined);

    [TestCase(ConsultationStatus.Pending, 0)]
    [TestCase(ConsultationStatus.Confirmed, 0)]
    [TestCase(ConsultationStatus.Confirmed, 20)]
    public void Decline_AfterTheCallStarted_IsRefused(ConsultationStatus status, int minutesFromStart)
    {
        var request = InState(status);
        _clock.Reset(Held.Start + Duration.FromMinutes(minutesFromStart));

        AssertRefused(request, r => r.Decline(null, "t1", Now), ConsultationRules.CannotChangeAfterTheCallStarted);
    }

    // ---- Propose other times ----

    [Test]
    public void ProposeTimes_Callback_RecordsTheTimesEarliestFirstAndStaysRequested()
    {
        var request = InState(ConsultationStatus.Requested);

        var result = request.ProposeTimes([Thursday, Held, Later], Proposals, Now);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Requested));
            Assert.That(request.ProposedSlots, Is.EqualTo(new[] { Held, Later, Thursday }));
            Assert.That(request.ProposalsMadeAt, Is.EqualTo(Now));
            Assert.That(request.Slot, Is.Null);
            Assert.That(request.Holds, Is.Empty);
            Assert.That(request.Events, Is.EqualTo(new object[] { new AlternativeTimesProposed(request, null, Now) }));
        });
    }

    [Test]
    public void ProposeTimes_Pending_ReleasesTheHeldSlotAndWaitsForTheProspect()
    {
        var request = InState(ConsultationStatus.Pending);

        var result = request.ProposeTimes([Later, Thursday], Proposals, Now);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Requested));
            Assert.That(request.Slot, Is.Null);
            Assert.That(request.TherapistId, Is.EqualTo("t-ada"), "it stays the therapist's: nobody else sees it");
            Assert.That(request.Holds, Is.Empty);
            Assert.That(request.ProposedSlots, Is.EqualTo(new[] { Later, Thursday }));
            Assert.That(request.Events, Is.EqualTo(new object[] { new AlternativeTimesProposed(request, Held, Now) }));
        });
    }

    [Test]
    public void ProposeTimes_Again_ReplacesTheEarlierProposal()
    {
        var request = InState(ConsultationStatus.Requested);
        request.ProposeTimes([Held, Later], Proposals, Now);
        _clock.Advance(Duration.FromMinutes(30));

        Assert.That(request.ProposeTimes([Thursday], Proposals, Now).IsOk, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(request.ProposedSlots, Is.EqualTo(new[] { Thursday }));
            Assert.That(request.ProposalsMadeAt, Is.EqualTo(Now));
        });
    }

    [TestCase(1, true)]
    [TestCase(5, true)]
    [TestCase(0, false)]
    [TestCase(6, false)]
    public void ProposeTimes_OffersOneToFiveTimes(int count, bool allowed)
    {
        var request = InState(ConsultationStatus.Pending);
        Slot[] slots = [.. Enumerable.Range(0, count).Select(day => Later with
        {
            Start = Later.Start + Duration.FromDays(day),
            End = Later.End + Duration.FromDays(day),
        })];

        if (allowed)
            Assert.That(request.ProposeTimes(slots, Proposals, Now).IsOk, Is.True);
        else
            AssertRefused(request, r => r.ProposeTimes(slots, Proposals, Now), ConsultationRules.ProposeOneToFiveTimes);
    }

    [Test]
    public void ProposeTimes_TwoStartingTogether_IsRefused() =>
        AssertRefused(InState(ConsultationStatus.Requested),
            r => r.ProposeTimes([Later, Later with { TherapistId = "t-bo" }], Proposals, Now),
            ConsultationRules.ProposeOneToFiveTimes);

    [Test]
    public void ProposeTimes_ATimeAlreadyStarted_IsRefused()
    {
        _clock.Reset(Later.Start);

        AssertRefused(InState(ConsultationStatus.Requested), r => r.ProposeTimes([Later, Thursday], Proposals, Now), ConsultationRules.NewTimeMustBeInTheFuture);
    }

    [Test]
    public void ProposeTimes_PendingWhoseTimeStarted_IsRefused()
    {
        var request = InState(ConsultationStatus.Pending);
        _clock.Reset(Held.Start);

        AssertRefused(request, r => r.ProposeTimes([Later], Proposals, Now), ConsultationRules.CannotChangeAfterTheCallStarted);
    }

    [TestCase(ConsultationStatus.Confirmed)]
    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void ProposeTimes_WhenNotWaiting_IsRefused(ConsultationStatus status) =>
        AssertRefused(InState(status), r => r.ProposeTimes([Later], Proposals, Now), ConsultationRules.OnlyPendingOrRequestedCanBeOfferedTimes);

    // ---- Accept a proposed time ----

    [TestCase(ConsultationStatus.Requested)]
    [TestCase(ConsultationStatus.Pending)]
    public void AcceptProposedTime_AnOfferedTime_ConfirmsItAndTakesTheSlot(ConsultationStatus status)
    {
        var request = InState(status);
        request.ProposeTimes([Later, Thursday], Proposals, Now);
        request.ClearEvents();
        _clock.Advance(Duration.FromHours(3));

        var result = request.AcceptProposedTime(Thursday.Start, Buffer, Now);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Confirmed));
            Assert.That(request.Slot, Is.EqualTo(Thursday));
            Assert.That(HeldMinutes(request), Is.EqualTo(Minutes(Thursday)));
            Assert.That(request.Holds.Select(h => h.TherapistId), Is.All.EqualTo("t-ada"));
            Assert.That(request.ConfirmedAt, Is.EqualTo(Now));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationConfirmed(request, Now) }));
        });
    }

    [Test]
    public void AcceptProposedTime_ATimeNotOffered_IsRefused()
    {
        var request = InState(ConsultationStatus.Pending);
        request.ProposeTimes([Later, Thursday], Proposals, Now);
        request.ClearEvents();

        AssertRefused(request, r => r.AcceptProposedTime(Held.Start, Buffer, Now), ConsultationRules.ProposedTimeMustBeOneOffered);
        AssertRefused(request, r => r.AcceptProposedTime(Later.Start + Duration.FromMinutes(1), Buffer, Now), ConsultationRules.ProposedTimeMustBeOneOffered);
    }

    [Test]
    public void AcceptProposedTime_WithoutAProposal_IsRefused() =>
        AssertRefused(InState(ConsultationStatus.Requested), r => r.AcceptProposedTime(Later.Start, Buffer, Now), ConsultationRules.ProposedTimeMustBeOneOffered);

    [Test]
    public void AcceptProposedTime_AfterTheOfferedTimeStarted_IsRefused()
    {
        var request = InState(ConsultationStatus.Requested);
        request.ProposeTimes([Held, Later], Proposals, Now);
        request.ClearEvents();
        _clock.Reset(Held.Start);

        AssertRefused(request, r => r.AcceptProposedTime(Held.Start, Buffer, Now), ConsultationRules.NewTimeMustBeInTheFuture);
    }

    [Test]
    public void AcceptProposedTime_Twice_IsRefusedTheSecondTime()
    {
        var request = InState(ConsultationStatus.Requested);
        request.ProposeTimes([Later, Thursday], Proposals, Now);
        request.AcceptProposedTime(Later.Start, Buffer, Now);
        request.ClearEvents();

        AssertRefused(request, r => r.AcceptProposedTime(Thursday.Start, Buffer, Now), ConsultationRules.OnlyRequestedCanAcceptAProposedTime);
    }

    [TestCase(ConsultationStatus.Pending)]
    [TestCase(ConsultationStatus.Confirmed)]
    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void AcceptProposedTime_WhenNotRequested_IsRefused(ConsultationStatus status) =>
        AssertRefused(InState(status), r => r.AcceptProposedTime(Later.Start, Buffer, Now), ConsultationRules.OnlyRequestedCanAcceptAProposedTime);

    [Test]
    public void AcceptProposedTime_AfterTheRequestWasCancelled_IsRefused()
    {
        var request = InState(ConsultationStatus.Requested);
        request.ProposeTimes([Later], Proposals, Now);
        request.Cancel(CancelledBy.Prospect, Now);
        request.ClearEvents();

        AssertRefused(request, r => r.AcceptProposedTime(Later.Start, Buffer, Now), ConsultationRules.OnlyRequestedCanAcceptAProposedTime);
    }

    // ---- Reschedule ----

    [TestCase("later")]
    [TestCase("overlapping")]
    [TestCase("other therapist")]
    public void Reschedule_Confirmed_MovesTheCallAndReplacesItsHolds(string to)
    {
        var slot = to switch { "later" => Later, "overlapping" => Overlapping, _ => Elsewhere };
        var request = InState(ConsultationStatus.Confirmed);
        var confirmedAt = request.ConfirmedAt;

        var result = request.Reschedule(slot, Buffer, Now);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Confirmed));
            Assert.That(request.Slot, Is.EqualTo(slot));
            Assert.That(HeldMinutes(request), Is.EqualTo(Minutes(slot)));
            Assert.That(request.Holds.Select(h => h.TherapistId), Is.All.EqualTo(slot.TherapistId));
            Assert.That(request.ConfirmedAt, Is.EqualTo(confirmedAt));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationRescheduled(request, Held, Now) }));
        });
    }

    [TestCase(ConsultationStatus.Requested)]
    [TestCase(ConsultationStatus.Pending)]
    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void Reschedule_WhenNotConfirmed_IsRefused(ConsultationStatus status) =>
        AssertRefused(InState(status), r => r.Reschedule(Later, Buffer, Now), ConsultationRules.OnlyConfirmedCanBeRescheduled);

    [TestCase(0)]
    [TestCase(10)]
    public void Reschedule_AfterTheCallStarted_IsRefused(int minutesFromStart)
    {
        var request = InState(ConsultationStatus.Confirmed);
        _clock.Reset(Held.Start + Duration.FromMinutes(minutesFromStart));

        AssertRefused(request, r => r.Reschedule(Later, Buffer, Now), ConsultationRules.CannotChangeAfterTheCallStarted);
    }

    [Test]
    public void Reschedule_ToTheSameTime_IsRefused() =>
        AssertRefused(InState(ConsultationStatus.Confirmed), r => r.Reschedule(Held, Buffer, Now), ConsultationRules.RescheduleNeedsADifferentTime);

    [Test]
    public void Reschedule_ToATimeAlreadyStarted_IsRefused()
    {
        var request = InState(ConsultationStatus.Confirmed);
        var past = new Slot("t-ada", Now - Duration.FromMinutes(5), Now + Duration.FromMinutes(10));

        AssertRefused(request, r => r.Reschedule(past, Buffer, Now), ConsultationRules.NewTimeMustBeInTheFuture);
    }

    // ---- Cancel ----

    [TestCase(ConsultationStatus.Requested, CancelledBy.Prospect)]
    [TestCase(ConsultationStatus.Requested, CancelledBy.Therapist)]
    [TestCase(ConsultationStatus.Pending, CancelledBy.Prospect)]
    [TestCase(ConsultationStatus.Pending, CancelledBy.Therapist)]
    [TestCase(ConsultationStatus.Confirmed, CancelledBy.Prospect)]
    [TestCase(ConsultationStatus.Confirmed, CancelledBy.Therapist)]
    public void Cancel_OpenRequest_ClosesItFreesItsTimeAndRecordsWho(ConsultationStatus status, CancelledBy by)
    {
        var request = InState(status);
        var slot = request.Slot;

        var result = request.Cancel(by, Now);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Cancelled));
            Assert.That(request.CancelledBy, Is.EqualTo(by));
            Assert.That(request.Holds, Is.Empty);
            Assert.That(request.Slot, Is.EqualTo(slot), "the cancelled time stays on record");
            Assert.That(request.ClosedAt, Is.EqualTo(Now));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationCancelled(request, by, Now) }));
        });
    }

    [Test]
    public void Cancel_CallbackWithoutATime_HasNoStartToMiss()
    {
        var request = InState(ConsultationStatus.Requested);
        _clock.Advance(Duration.FromDays(60));

        Assert.That(request.Cancel(CancelledBy.Prospect, Now).IsOk, Is.True);
    }

    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void Cancel_ClosedRequest_IsRefused(ConsultationStatus status)
    {
        AssertRefused(InState(status), r => r.Cancel(CancelledBy.Prospect, Now), ConsultationRules.OnlyOpenRequestsCanBeCancelled);
        AssertRefused(InState(status), r => r.Cancel(CancelledBy.Therapist, Now), ConsultationRules.OnlyOpenRequestsCanBeCancelled);
    }

    [TestCase(ConsultationStatus.Pending, -1, true)]
    [TestCase(ConsultationStatus.Pending, 0, false)]
    [TestCase(ConsultationStatus.Confirmed, -1, true)]
    [TestCase(ConsultationStatus.Confirmed, 0, false)]
    [TestCase(ConsultationStatus.Confirmed, 30, false)]
    public void Cancel_OnlyBeforeTheCallStarts(ConsultationStatus status, int minutesFromStart, bool allowed)
    {
        var request = InState(status);
        _clock.Reset(Held.Start + Duration.FromMinutes(minutesFromStart));

        if (allowed)
            Assert.That(request.Cancel(CancelledBy.Prospect, Now).IsOk, Is.True);
        else
            AssertRefused(request, r => r.Cancel(CancelledBy.Prospect, Now), ConsultationRules.CannotChangeAfterTheCallStarted);
    }

    // ---- Expire ----

    // Minutes relative to the moment the notice runs out (the held start minus the notice).
    [TestCase(120, -1, false)]
    [TestCase(120, 0, true)]
    [TestCase(120, 60, true)]
    [TestCase(120, 180, true)]
    [TestCase(0, -1, false)]
    [TestCase(0, 0, true)]
    public void Expire_Pending_OnceTheNoticeRunsOut(int noticeMinutes, int minutesFromCutoff, bool expires)
    {
        var notice = Duration.FromMinutes(noticeMinutes);
        var request = InState(ConsultationStatus.Pending);
        _clock.Reset(Held.Start - notice + Duration.FromMinutes(minutesFromCutoff));

        if (!expires)
        {
            AssertRefused(request, r => r.Expire(notice, Now), ConsultationRules.NotBeforeTheNoticeRunsOut);
            return;
        }

        var result = request.Expire(notice, Now);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsOk, Is.True);
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Expired));
            Assert.That(request.Holds, Is.Empty);
            Assert.That(request.Slot, Is.EqualTo(Held), "the expired time stays on record");
            Assert.That(request.ClosedAt, Is.EqualTo(Now));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationExpired(request, Now, ProposalLapsed: false) }));
        });
    }

    [Test]
    public void Expire_OneTickBeforeTheNoticeRunsOut_IsRefused()
    {
        var request = InState(ConsultationStatus.Pending);
        _clock.Reset(Held.Start - Notice - Duration.Epsilon);

        AssertRefused(request, r => r.Expire(Notice, Now), ConsultationRules.NotBeforeTheNoticeRunsOut);
    }

    [TestCase(ConsultationStatus.Requested)]
    [TestCase(ConsultationStatus.Confirmed)]
    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void Expire_WhenNotPending_IsRefused(ConsultationStatus status)
    {
        var request = InState(status);
        _clock.Reset(Held.Start + Duration.FromDays(1));

        AssertRefused(request, r => r.Expire(Notice, Now), ConsultationRules.OnlyPendingExpires);
    }

    // ---- Complete and no-show ----

    [TestCase(-1, false)]
    [TestCase(0, true)]
    [TestCase(15, true)]
    [TestCase(60 * 24, true)]
    public void Complete_Confirmed_OnceTheCallStarted(int minutesFromStart, bool allowed)
    {
        var request = InState(ConsultationStatus.Confirmed);
        _clock.Reset(Held.Start + Duration.FromMinutes(minutesFromStart));

        if (!allowed)
        {
            AssertRefused(request, r => r.Complete(Now), ConsultationRules.CompleteOnlyAfterTheCallStarted);
            return;
        }

        Assert.That(request.Complete(Now).IsOk, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Completed));
            Assert.That(HeldMinutes(request), Is.EqualTo(Minutes(Held)), "the time was used: its holds stay");
            Assert.That(request.ClosedAt, Is.EqualTo(Now));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationCompleted(request, Now) }));
        });
    }

    [TestCase(-1, false)]
    [TestCase(0, true)]
    [TestCase(15, true)]
    public void MarkNoShow_Confirmed_OnceTheCallStarted(int minutesFromStart, bool allowed)
    {
        var request = InState(ConsultationStatus.Confirmed);
        _clock.Reset(Held.Start + Duration.FromMinutes(minutesFromStart));

        if (!allowed)
        {
            AssertRefused(request, r => r.MarkNoShow(Now), ConsultationRules.NoShowOnlyAfterTheCallStarted);
            return;
        }

        Assert.That(request.MarkNoShow(Now).IsOk, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.NoShow));
            Assert.That(HeldMinutes(request), Is.EqualTo(Minutes(Held)), "the time was set aside: its holds stay");
            Assert.That(request.ClosedAt, Is.EqualTo(Now));
            Assert.That(request.Events, Is.EqualTo(new object[] { new ConsultationMarkedNoShow(request, Now) }));
        });
    }

    [TestCase(ConsultationStatus.Requested)]
    [TestCase(ConsultationStatus.Pending)]
    [TestCase(ConsultationStatus.Declined)]
    [TestCase(ConsultationStatus.Cancelled)]
    [TestCase(ConsultationStatus.Expired)]
    [TestCase(ConsultationStatus.Completed)]
    [TestCase(ConsultationStatus.NoShow)]
    public void CompleteOrNoShow_WhenNotConfirmed_IsRefused(ConsultationStatus status)
    {
        _clock.Reset(Held.Start + Duration.FromHours(1));

        AssertRefused(InState(status), r => r.Complete(Now), ConsultationRules.OnlyConfirmedCanBeCompleted);
        AssertRefused(InState(status), r => r.MarkNoShow(Now), ConsultationRules.OnlyConfirmedCanBeMarkedNoShow);
    }

    // ---- Helpers ----

    private static Prospect Prospect() =>
        new("Jane Doe", "+12125550199", "jane@example.com", ContactChannel.Sms, true, DateTimeZoneProviders.Tzdb["America/New_York"]);

    /// <summary>
    /// A request brought into <paramref name="status"/> through the lifecycle itself, with its events cleared.
    /// Pending, and everything built from Pending, holds (or held) <see cref="Held"/>.
    /// </summary>
    private static ConsultationRequest InState(ConsultationStatus status)
    {
        var decidedAt = Submitted + Duration.FromMinutes(10);
        var afterTheCall = Held.Start + Duration.FromMinutes(20);
        var request = status == ConsultationStatus.Requested
            || status == ConsultationStatus.Declined
            ? ConsultationRequest.Submit(Prospect(), "my own words", Submitted)
            : ConsultationRequest.HoldSlot(Prospect(), "my own words", Held, Buffer, Submitted);
        var result = status switch
        {
            ConsultationStatus.Requested or ConsultationStatus.Pending => new TransitionResult.Ok(),
            ConsultationStatus.Confirmed => request.Confirm(decidedAt),
            ConsultationStatus.Declined => request.Decline(null, "t1", decidedAt),
            ConsultationStatus.Cancelled => request.Cancel(CancelledBy.Therapist, decidedAt),
            ConsultationStatus.Expired => request.Expire(Notice, Held.Start - Notice),
            ConsultationStatus.Completed => Then(request.Confirm(decidedAt), () => request.Complete(afterTheCall)),
            ConsultationStatus.NoShow => Then(request.Confirm(decidedAt), () => request.MarkNoShow(afterTheCall)),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        if (!result.IsOk || request.Status != status)
            throw new InvalidOperationException($"Could not bring a request to {status}: {result}.");
        request.ClearEvents();
        return request;
    }

    private static TransitionResult Then(TransitionResult first, Func<TransitionResult> next) => first.IsOk ? next() : first;

    private static void AssertRefused(ConsultationRequest request, Func<ConsultationRequest, TransitionResult> transition, string rule)
    {
        var before = Snapshot(request);

        var result = transition(request);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.TypeOf<TransitionResult.Refused>());
            Assert.That((result as TransitionResult.Refused)?.Rule, Is.EqualTo(rule));
            Assert.That((result as TransitionResult.Refused)?.Reason, Is.Not.Empty);
            Assert.That(Snapshot(request), Is.EqualTo(before), "a refused transition changes nothing");
            Assert.That(request.Events, Is.Empty, "a refused transition raises nothing");
        });
    }

    /// <summary>Everything a transition may change, as one comparable string.</summary>
    private static string Snapshot(ConsultationRequest request) => string.Join(" | ",
        request.Status,
        request.Slot,
        string.Join(",", request.Holds.Select(h => $"{h.TherapistId}:{h.Minute}:{h.HeldBy}")),
        string.Join(",", request.ProposedSlots),
        request.ProposalsMadeAt,
        request.ConfirmedAt,
        request.ClosedAt,
        request.DeclineNote,
        request.CancelledBy);

    private static long[] HeldMinutes(ConsultationRequest request) => [.. request.Holds.Select(h => h.Minute).Order()];

    /// <summary>Every whole minute from the slot's start to its end plus the buffer, counted independently of SlotHold.</summary>
    private static long[] Minutes(Slot slot)
    {
        var first = slot.Start.ToUnixTimeSeconds() / 60;
        var count = (int)(slot.End + Buffer - slot.Start).TotalMinutes;
        return [.. Enumerable.Range(0, count).Select(i => first + i)];
    }
}

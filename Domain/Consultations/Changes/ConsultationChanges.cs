using Intake.Domain.Availability;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Consultations.Changes;

/// <summary>Who may ask for a change.</summary>
[Flags]
public enum ChangeAllowedTo
{
    Therapist = 1,
    Prospect = 2,
    Both = Therapist | Prospect,
}

/// <summary>
/// The steps every change shares: load the request with its holds, check the actor may act on it, apply the
/// aggregate's transition, save it with the messages it raised in one transaction, and turn a lost race for a
/// time (the holds' primary key) into <see cref="ChangeOutcome.SlotNotOpen"/>.
/// </summary>
internal sealed class ConsultationChanges(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
{
    public AvailabilityRules Rules => practice.Value.AvailabilityRules();

    public ProposalExpiry ProposalExpiry => practice.Value.ProposalExpiry();

    public Task<ChangeOutcome> ApplyAsync(
        ConsultationRequestId id, ConsultationActor actor, ChangeAllowedTo allowed,
        Func<ConsultationRequest, Instant, TransitionResult> change, CancellationToken cancellationToken) =>
        ApplyAsync(id, actor, allowed, (request, now, _) => Task.FromResult<ChangeOutcome?>(Outcome(request, change(request, now))), cancellationToken);

    /// <summary>A change that gives the request a time: the time must be open for the therapist, not counting the request's own hold.</summary>
    public Task<ChangeOutcome> ApplyWithSlotAsync(
        ConsultationRequestId id, ConsultationActor actor, ChangeAllowedTo allowed, Instant start,
        Func<ConsultationRequest, Slot, Duration, Instant, TransitionResult> change, CancellationToken cancellationToken) =>
        ApplyAsync(id, actor, allowed, async (request, now, ct) =>
        {
            var therapistId = TherapistFor(request, actor, start);
            var therapist = await db.Therapists.AsNoTracking().SingleOrDefaultAsync(t => t.Id == therapistId, ct);
            if (therapist is null)
                return new ChangeOutcome.SlotNotOpen();
            var slot = await OpenSlots.FindAsync(db, Rules, therapist, start, now, ct, excluding: request.Id);
            return slot is null ? new ChangeOutcome.SlotNotOpen() : Outcome(request, change(request, slot.Value, Rules.Buffer, now));
        }, cancellationToken);

    /// <summary>The open slots, of the acting therapist, that start at the given instants; null when any is not open.</summary>
    public async Task<List<Slot>?> OpenSlotsAsync(string therapistId, IEnumerable<Instant> starts, Instant now, CancellationToken cancellationToken)
    {
        var therapist = await db.Therapists.AsNoTracking().SingleOrDefaultAsync(t => t.Id == therapistId, cancellationToken);
        if (therapist is null)
            return null;
        var slots = new List<Slot>();
        foreach (var start in starts)
        {
            if (await OpenSlots.FindAsync(db, Rules, therapist, start, now, cancellationToken) is not { } slot)
                return null;
            slots.Add(slot);
        }

        return slots;
    }

    /// <summary>
    /// The general form: <paramref name="change"/> runs only after the actor is known to be allowed, and returns
    /// null to have the request saved, or the outcome that stops it.
    /// </summary>
    public async Task<ChangeOutcome> ApplyAsync(
        ConsultationRequestId id, ConsultationActor actor, ChangeAllowedTo allowed,
        Func<ConsultationRequest, Instant, CancellationToken, Task<ChangeOutcome?>> change, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !MayAct(actor, allowed, request))
            return new ChangeOutcome.NotFound();

        var outcome = await change(request, clock.GetCurrentInstant(), cancellationToken);
        if (outcome is not null)
            return outcome;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The request's version moved on after it was read here (or a hold it released was already gone): the
            // transaction rolled back, so neither this change nor its messages were written.
            return new ChangeOutcome.ChangedMeanwhile();
        }
        catch (DbUpdateException exception) when (UniqueViolation.Caused(exception))
        {
            return new ChangeOutcome.SlotNotOpen();
        }

        return new ChangeOutcome.Changed(request.Id, request.Status);
    }

    /// <summary>
    /// Whose time a change takes: the request's therapist; else the therapist who proposed that time; else (a
    /// callback being confirmed) the acting therapist.
    /// </summary>
    private static string? TherapistFor(ConsultationRequest request, ConsultationActor actor, Instant start)
    {
        if (request.TherapistId is not null)
            return request.TherapistId;
        foreach (var proposed in request.ProposedSlots)
        {
            if (proposed.Start == start)
                return proposed.TherapistId;
        }

        return (actor as ConsultationActor.Therapist)?.TherapistId;
    }

    /// <summary>A therapist acts on their own requests, and on open callback requests no therapist has taken yet.</summary>
    private static bool MayAct(ConsultationActor actor, ChangeAllowedTo allowed, ConsultationRequest request) => actor switch
    {
        ConsultationActor.Therapist therapist => allowed.HasFlag(ChangeAllowedTo.Therapist)
            && TherapistVisibility.MaySee(therapist.TherapistId, request.TherapistId, request.Status),
        ConsultationActor.Prospect => allowed.HasFlag(ChangeAllowedTo.Prospect),
        _ => false,
    };

    /// <summary>Null when the transition went through and the request is to be saved; the refusal otherwise.</summary>
    public static ChangeOutcome.Refused? Outcome(ConsultationRequest request, TransitionResult result) => result switch
    {
        TransitionResult.Refused refused => new ChangeOutcome.Refused(refused.Rule, refused.Reason),
        _ => null,
    };
}

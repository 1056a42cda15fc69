using Intake.Domain.Availability;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Consultations.RequestConsultation;

/// <summary>
/// Stores the request; its messages are queued by the event handlers in the same save. A slot must be open by
/// the availability rules when asked, and the slot holds' primary key settles any race for it.
/// </summary>
internal sealed class RequestConsultationHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
    : IRequestHandler<RequestConsultation, RequestOutcome>
{
    public async Task<RequestOutcome> Handle(RequestConsultation command, CancellationToken cancellationToken)
    {
        // The validator has run: every field below is present and well formed.
        PhoneNumbers.TryToE164(command.Phone, practice.Value.PhoneRegion, out var phone);
        var prospect = new Prospect(
            command.Name!.Trim(),
            phone,
            command.Email!,
            RequestConsultationValidator.ParseChannel(command.PreferredChannel)!.Value,
            command.SmsConsent ?? false,
            DateTimeZoneProviders.Tzdb[command.TimeZone!]);
        var message = string.IsNullOrWhiteSpace(command.Message) ? null : command.Message;
        var now = clock.GetCurrentInstant();

        if (SlotStart.Parse(command.SlotStart) is not { } start)
            return await SaveAsync(ConsultationRequest.Submit(prospect, message, now), cancellationToken);

        var therapist = await db.Therapists.AsNoTracking().SingleOrDefaultAsync(t => t.Id == command.TherapistId, cancellationToken);
        if (therapist is null)
            return new RequestOutcome.UnknownTherapist();

        var rules = practice.Value.AvailabilityRules();
        var slot = await OpenSlots.FindAsync(db, rules, therapist, start, now, cancellationToken);
        if (slot is null)
            return new RequestOutcome.SlotNotOpen();

        var request = ConsultationRequest.HoldSlot(prospect, message, slot.Value, rules.Buffer, now);
        try
        {
            return await SaveAsync(request, cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Caused(exception))
        {
            // Another request took an overlapping minute between our check and our insert.
            return new RequestOutcome.SlotNotOpen();
        }
    }

    private async Task<RequestOutcome> SaveAsync(ConsultationRequest request, CancellationToken cancellationToken)
    {
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return new RequestOutcome.Accepted(request.Id, request.Status);
    }
}

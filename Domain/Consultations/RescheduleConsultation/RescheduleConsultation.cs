using FluentValidation;
using Intake.Domain.Availability;
using Intake.Domain.Consultations.Changes;
using MediatR;

namespace Intake.Domain.Consultations.RescheduleConsultation;

/// <summary>A confirmed call moves to another open time of the same therapist, by either side; the holds move with it.</summary>
public sealed record RescheduleConsultation(ConsultationRequestId Id, ConsultationActor By, string? SlotStart) : IRequest<ChangeOutcome>;

internal sealed class RescheduleConsultationHandler(ConsultationChanges changes) : IRequestHandler<RescheduleConsultation, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(RescheduleConsultation command, CancellationToken cancellationToken)
    {
        var by = command.By is ConsultationActor.Prospect ? RescheduledBy.Prospect : RescheduledBy.Therapist;
        return changes.ApplyWithSlotAsync(command.Id, command.By, ChangeAllowedTo.Both, SlotStart.Parse(command.SlotStart)!.Value,
            (request, slot, buffer, now) => request.Reschedule(slot, buffer, now, by), cancellationToken);
    }
}

internal sealed class RescheduleConsultationValidator : AbstractValidator<RescheduleConsultation>
{
    public RescheduleConsultationValidator() => SlotStartRules.Required(this, c => c.SlotStart);
}

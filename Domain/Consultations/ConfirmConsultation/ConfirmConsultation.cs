using Intake.Domain.Availability;
using Intake.Domain.Consultations.Changes;
using MediatR;

namespace Intake.Domain.Consultations.ConfirmConsultation;

/// <summary>The therapist confirms: a Pending request at its held time, a callback request at the time given here.</summary>
public sealed record ConfirmConsultation(ConsultationRequestId Id, ConsultationActor By, string? SlotStart) : IRequest<ChangeOutcome>;

internal sealed class ConfirmConsultationHandler(ConsultationChanges changes) : IRequestHandler<ConfirmConsultation, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(ConfirmConsultation command, CancellationToken cancellationToken) =>
        SlotStart.Parse(command.SlotStart) is { } start
            ? changes.ApplyWithSlotAsync(command.Id, command.By, ChangeAllowedTo.Therapist, start,
                (request, slot, buffer, now) => request.Confirm(slot, buffer, now), cancellationToken)
            : changes.ApplyAsync(command.Id, command.By, ChangeAllowedTo.Therapist,
                (request, now) => request.Confirm(now), cancellationToken);
}

internal sealed class ConfirmConsultationValidator : FluentValidation.AbstractValidator<ConfirmConsultation>
{
    public ConfirmConsultationValidator() => SlotStartRules.Optional(this, c => c.SlotStart);
}

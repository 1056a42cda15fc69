using FluentValidation;
using Intake.Domain.Availability;
using Intake.Domain.Consultations.Changes;
using MediatR;

namespace Intake.Domain.Consultations.AcceptProposedTime;

/// <summary>The prospect takes one of the times the therapist proposed; that confirms the call.</summary>
public sealed record AcceptProposedTime(ConsultationRequestId Id, ConsultationActor By, string? SlotStart) : IRequest<ChangeOutcome>;

internal sealed class AcceptProposedTimeHandler(ConsultationChanges changes) : IRequestHandler<AcceptProposedTime, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(AcceptProposedTime command, CancellationToken cancellationToken) =>
        changes.ApplyWithSlotAsync(command.Id, command.By, ChangeAllowedTo.Prospect, SlotStart.Parse(command.SlotStart)!.Value,
            (request, slot, buffer, now) => request.AcceptProposedTime(slot.Start, buffer, now), cancellationToken);
}

internal sealed class AcceptProposedTimeValidator : AbstractValidator<AcceptProposedTime>
{
    public AcceptProposedTimeValidator() => SlotStartRules.Required(this, c => c.SlotStart);
}

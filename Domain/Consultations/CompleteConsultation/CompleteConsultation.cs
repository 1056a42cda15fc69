using Intake.Domain.Consultations.Changes;
using MediatR;

namespace Intake.Domain.Consultations.CompleteConsultation;

/// <summary>The therapist records that the call took place.</summary>
public sealed record CompleteConsultation(ConsultationRequestId Id, ConsultationActor.Therapist By) : IRequest<ChangeOutcome>;

internal sealed class CompleteConsultationHandler(ConsultationChanges changes) : IRequestHandler<CompleteConsultation, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(CompleteConsultation command, CancellationToken cancellationToken) =>
        changes.ApplyAsync(command.Id, command.By, ChangeAllowedTo.Therapist, (request, now) => request.Complete(now), cancellationToken);
}

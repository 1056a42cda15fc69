using Intake.Domain.Consultations.Changes;
using MediatR;

namespace Intake.Domain.Consultations.CancelConsultation;

/// <summary>Either side calls it off; the time is freed and the other side told.</summary>
public sealed record CancelConsultation(ConsultationRequestId Id, ConsultationActor By) : IRequest<ChangeOutcome>;

internal sealed class CancelConsultationHandler(ConsultationChanges changes) : IRequestHandler<CancelConsultation, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(CancelConsultation command, CancellationToken cancellationToken)
    {
        var by = command.By is ConsultationActor.Prospect ? CancelledBy.Prospect : CancelledBy.Therapist;
        var therapistId = (command.By as ConsultationActor.Therapist)?.TherapistId;
        return changes.ApplyAsync(command.Id, command.By, ChangeAllowedTo.Both, (request, now) => request.Cancel(by, now, therapistId), cancellationToken);
    }
}

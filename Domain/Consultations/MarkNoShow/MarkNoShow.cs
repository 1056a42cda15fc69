using Intake.Domain.Consultations.Changes;
using MediatR;

namespace Intake.Domain.Consultations.MarkNoShow;

/// <summary>The therapist records that the prospect did not answer at the confirmed time.</summary>
public sealed record MarkNoShow(ConsultationRequestId Id, ConsultationActor.Therapist By) : IRequest<ChangeOutcome>;

internal sealed class MarkNoShowHandler(ConsultationChanges changes) : IRequestHandler<MarkNoShow, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(MarkNoShow command, CancellationToken cancellationToken) =>
        changes.ApplyAsync(command.Id, command.By, ChangeAllowedTo.Therapist, (request, now) => request.MarkNoShow(now), cancellationToken);
}

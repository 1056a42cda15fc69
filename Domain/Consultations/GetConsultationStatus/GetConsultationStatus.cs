using Intake.Domain.Consultations.RequestConsultation;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Consultations.GetConsultationStatus;

/// <summary>Where a request stands, and nothing else about it: the resource a 201's Location names.</summary>
public sealed record GetConsultationStatus(ConsultationRequestId Id) : IRequest<ConsultationAccepted?>;

internal sealed class GetConsultationStatusHandler(IntakeDbContext db) : IRequestHandler<GetConsultationStatus, ConsultationAccepted?>
{
    public async Task<ConsultationAccepted?> Handle(GetConsultationStatus query, CancellationToken cancellationToken) =>
        await db.ConsultationRequests
            .Where(r => r.Id == query.Id)
            .Select(r => new ConsultationAccepted(r.Id, r.Status))
            .SingleOrDefaultAsync(cancellationToken);
}

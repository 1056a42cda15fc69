using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Consultations.GetConsultationStatus;

/// <summary>Where a request stands, and nothing else about it: the resource a 201's Location names.</summary>
public sealed record GetConsultationStatus(ConsultationRequestId Id) : IRequest<ConsultationStatusView?>;

public sealed record ConsultationStatusView(ConsultationRequestId Id, ConsultationStatus Status);

internal sealed class GetConsultationStatusHandler(IntakeDbContext db) : IRequestHandler<GetConsultationStatus, ConsultationStatusView?>
{
    public async Task<ConsultationStatusView?> Handle(GetConsultationStatus query, CancellationToken cancellationToken) =>
        await db.ConsultationRequests
            .Where(r => r.Id == query.Id)
            .Select(r => new ConsultationStatusView(r.Id, r.Status))
            .SingleOrDefaultAsync(cancellationToken);
}

using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Consultations.RequestConsultation;

/// <summary>Stores the request; its messages are queued by the event handlers in the same save.</summary>
internal sealed class RequestConsultationHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
    : IRequestHandler<RequestConsultation, ConsultationAccepted>
{
    public async Task<ConsultationAccepted> Handle(RequestConsultation command, CancellationToken cancellationToken)
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
        var request = ConsultationRequest.Submit(prospect, message, clock.GetCurrentInstant());
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return new ConsultationAccepted(request.Id, request.Status);
    }
}

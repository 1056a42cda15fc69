using MediatR;

namespace Intake.Domain.Consultations;

/// <summary>A new request was accepted. Raised before the save, so handlers' messages share its transaction.</summary>
public sealed record ConsultationRequested(ConsultationRequest Request) : INotification;

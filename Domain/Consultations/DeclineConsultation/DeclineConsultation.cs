using FluentValidation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.Rules;
using MediatR;

namespace Intake.Domain.Consultations.DeclineConsultation;

/// <summary>The therapist declines, with an optional short note emailed to the prospect; the time is freed.</summary>
public sealed record DeclineConsultation(ConsultationRequestId Id, ConsultationActor.Therapist By, string? Note) : IRequest<ChangeOutcome>;

internal sealed class DeclineConsultationHandler(ConsultationChanges changes) : IRequestHandler<DeclineConsultation, ChangeOutcome>
{
    public Task<ChangeOutcome> Handle(DeclineConsultation command, CancellationToken cancellationToken) =>
        changes.ApplyAsync(command.Id, command.By, ChangeAllowedTo.Therapist, (request, now) => request.Decline(command.Note, command.By.TherapistId, now), cancellationToken);
}

internal sealed class DeclineConsultationValidator : AbstractValidator<DeclineConsultation>
{
    public DeclineConsultationValidator() =>
        RuleFor(c => c.Note).MaximumLength(ConsultationRules.DeclineNoteMaxLength)
            .WithMessage($"Note must be at most {ConsultationRules.DeclineNoteMaxLength} characters.");
}

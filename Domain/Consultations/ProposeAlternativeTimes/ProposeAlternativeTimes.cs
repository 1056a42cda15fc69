using FluentValidation;
using Intake.Domain.Availability;
using Intake.Domain.Consultations.Changes;
using MediatR;

namespace Intake.Domain.Consultations.ProposeAlternativeTimes;

/// <summary>The therapist offers one to five of their open times instead; the prospect accepts one from their link.</summary>
public sealed record ProposeAlternativeTimes(ConsultationRequestId Id, ConsultationActor.Therapist By, IReadOnlyList<string>? SlotStarts)
    : IRequest<ChangeOutcome>;

internal sealed class ProposeAlternativeTimesHandler(ConsultationChanges changes)
    : IRequestHandler<ProposeAlternativeTimes, ChangeOutcome>
{
    // The times are checked only once the therapist is known to be allowed, so a refusal reveals nothing.
    public Task<ChangeOutcome> Handle(ProposeAlternativeTimes command, CancellationToken cancellationToken) =>
        changes.ApplyAsync(command.Id, command.By, ChangeAllowedTo.Therapist, async (request, now, ct) =>
        {
            var starts = command.SlotStarts!.Select(s => SlotStart.Parse(s)!.Value);
            var slots = await changes.OpenSlotsAsync(command.By.TherapistId, starts, now, ct);
            return slots is null
                ? new ChangeOutcome.SlotNotOpen()
                : ConsultationChanges.Outcome(request, request.ProposeTimes(slots, changes.ProposalExpiry, now));
        }, cancellationToken);
}

internal sealed class ProposeAlternativeTimesValidator : AbstractValidator<ProposeAlternativeTimes>
{
    public ProposeAlternativeTimesValidator()
    {
        RuleFor(c => c.SlotStarts).NotNull().WithMessage("SlotStarts is required.")
            .Must(starts => starts is { Count: >= 1 and <= 5 }).WithMessage("Propose one to five times.");
        RuleForEach(c => c.SlotStarts).Must(start => SlotStart.Parse(start) is not null)
            .WithMessage($"Each time must be ISO 8601 with its offset, e.g. \"{SlotStart.Example}\".");
    }
}

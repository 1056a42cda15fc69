using Intake.Domain.Availability;
using FluentValidation;
using Intake.Domain.Data;
using MediatR;

namespace Intake.Domain.Therapists.TherapistAvailability;

/// <summary>The weekly hours apply again on one date; the outcome is NotFound when that date had no override.</summary>
public sealed record RemoveDateOverride(string TherapistId, string? Date) : IRequest<AvailabilityChange>;

internal sealed class RemoveDateOverrideHandler(IntakeDbContext db) : IRequestHandler<RemoveDateOverride, AvailabilityChange>
{
    public Task<AvailabilityChange> Handle(RemoveDateOverride command, CancellationToken cancellationToken)
    {
        var date = IsoDate.Parse(command.Date)!.Value;
        return TherapistHours.ChangeAsync(db, command.TherapistId, therapist =>
        {
            if (!therapist.HasDateOverride(date))
                return new AvailabilityChange.NotFound();
            therapist.RemoveDateOverride(date);
            return null;
        }, cancellationToken);
    }
}

internal sealed class RemoveDateOverrideValidator : AbstractValidator<RemoveDateOverride>
{
    public RemoveDateOverrideValidator() =>
        RuleFor(c => c.Date).Must(date => IsoDate.Parse(date) is not null).WithMessage($"Date must be {IsoDate.Shape}.");
}

using Intake.Domain.Availability;
using FluentValidation;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Therapists.TherapistAvailability;

/// <summary>
/// The therapist gives one local date its own windows instead of the weekly ones; an empty list makes it a day
/// off. Overrides of dates already past are forgotten at the same time. Held and confirmed bookings keep their time.
/// </summary>
public sealed record SetDateOverride(string TherapistId, string? Date, IReadOnlyList<string?>? Windows) : IRequest<AvailabilityChange>;

internal sealed class SetDateOverrideHandler(IntakeDbContext db, IClock clock) : IRequestHandler<SetDateOverride, AvailabilityChange>
{
    public Task<AvailabilityChange> Handle(SetDateOverride command, CancellationToken cancellationToken)
    {
        var date = IsoDate.Parse(command.Date)!.Value;
        var windows = TherapistHours.Windows(command.Windows!);
        return TherapistHours.ChangeAsync(db, command.TherapistId, therapist =>
        {
            therapist.ForgetDateOverridesBefore(clock.GetCurrentInstant().InZone(therapist.TimeZone).Date);
            therapist.SetDateOverride(date, windows);
            return null;
        }, cancellationToken);
    }
}

internal sealed class SetDateOverrideValidator : AbstractValidator<SetDateOverride>
{
    public SetDateOverrideValidator(IntakeDbContext db, IClock clock)
    {
        RuleFor(c => c.Date)
            .Must(date => IsoDate.Parse(date) is not null).WithMessage($"Date must be {IsoDate.Shape}.")
            .MustAsync(async (command, text, cancellationToken) =>
            {
                var zone = await db.Therapists.AsNoTracking().Where(t => t.Id == command.TherapistId)
                    .Select(t => t.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
                if (zone is null)
                    return true; // the handler answers for an unknown therapist
                var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[zone]).Date;
                var date = IsoDate.Parse(text)!.Value;
                return date >= today && date <= today.PlusDays(TherapistHours.MaxDaysAhead);
            })
            .When(c => IsoDate.Parse(c.Date) is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage($"Date must be from today (in your time zone) to {TherapistHours.MaxDaysAhead} days ahead.");

        RuleFor(c => c.Windows).Custom((windows, context) =>
        {
            foreach (var problem in TherapistHours.Problems(windows, "that date"))
                context.AddFailure("Windows", problem);
        });
    }
}

using FluentValidation;
using Intake.Domain.Availability;
using Intake.Domain.Data;
using MediatR;
using NodaTime;

namespace Intake.Domain.Therapists.TherapistAvailability;

/// <summary>
/// The therapist replaces their weekly hours: windows per day of the week ("Monday": ["09:00-12:00"]), read in
/// their own zone; a day left out has none. Only the times offered from now on change: held and confirmed
/// bookings keep theirs.
/// </summary>
public sealed record SetWeeklyHours(string TherapistId, IReadOnlyDictionary<string, IReadOnlyList<string?>?>? WeeklyHours)
    : IRequest<AvailabilityChange>;

internal sealed class SetWeeklyHoursHandler(IntakeDbContext db) : IRequestHandler<SetWeeklyHours, AvailabilityChange>
{
    public Task<AvailabilityChange> Handle(SetWeeklyHours command, CancellationToken cancellationToken)
    {
        var hours = command.WeeklyHours!.ToDictionary(
            day => TherapistHours.Day(day.Key)!.Value,
            day => (IReadOnlyList<TimeWindow>)TherapistHours.Windows(day.Value!));
        return TherapistHours.ChangeAsync(db, command.TherapistId, therapist =>
        {
            therapist.SetWeeklyHours(hours);
            return null;
        }, cancellationToken);
    }
}

internal sealed class SetWeeklyHoursValidator : AbstractValidator<SetWeeklyHours>
{
    public SetWeeklyHoursValidator() => RuleFor(c => c.WeeklyHours).Custom((hours, context) =>
    {
        if (hours is null)
        {
            context.AddFailure("WeeklyHours", "Give the weekly hours as an object, e.g. {\"Monday\": [\"09:00-12:00\"]}.");
            return;
        }

        var seen = new HashSet<IsoDayOfWeek>();
        foreach (var (name, windows) in hours)
        {
            if (TherapistHours.Day(name) is not { } day)
            {
                context.AddFailure("WeeklyHours", "Each key must be a day of the week, Monday to Sunday.");
                continue;
            }

            var field = $"WeeklyHours.{day}";
            if (!seen.Add(day))
                context.AddFailure(field, $"{day} is given more than once.");
            foreach (var problem in TherapistHours.Problems(windows, day.ToString()))
                context.AddFailure(field, problem);
        }
    });
}

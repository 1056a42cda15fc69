using FluentValidation;
using Intake.Domain.Practices;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Availability.FindOpenSlots;

/// <summary>
/// Two real dates, in order, at most <see cref="MaxDays"/> days apart, whose range meets the booking horizon
/// (today to HorizonDays ahead, in the asker's zone, a day's slack either side): nothing outside it could be open,
/// and no sum on a date ever leaves the calendar.
/// </summary>
internal sealed class FindOpenSlotsValidator : AbstractValidator<FindOpenSlots>
{
    /// <summary>The widest range one query may ask for, in days (both ends inclusive).</summary>
    public const int MaxDays = 62;

    public FindOpenSlotsValidator(IClock clock, IOptions<PracticeOptions> practice)
    {
        var horizonDays = practice.Value.HorizonDays;

        RuleFor(q => q.From).Must(date => IsoDate.Parse(date) is not null).WithMessage($"From must be {IsoDate.Shape}.");
        RuleFor(q => q.To).Must(date => IsoDate.Parse(date) is not null).WithMessage($"To must be {IsoDate.Shape}.");
        RuleFor(q => q.TimeZone)
            .Must(zone => zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
            .WithMessage("TimeZone must be an IANA time zone id such as \"Europe/London\".");
        RuleFor(q => q.TherapistId).MaximumLength(64).WithMessage("TherapistId must be at most 64 characters.");

        When(q => IsoDate.Parse(q.From) is not null && IsoDate.Parse(q.To) is not null, () =>
        {
            RuleFor(q => q.To)
                .Must((query, to) => IsoDate.Parse(query.From) <= IsoDate.Parse(to))
                .WithMessage("To must not be before From.");
            RuleFor(q => q.To)
                .Must((query, to) => Period.Between(IsoDate.Parse(query.From)!.Value, IsoDate.Parse(to)!.Value, PeriodUnits.Days).Days < MaxDays)
                .When(q => IsoDate.Parse(q.From) <= IsoDate.Parse(q.To))
                .WithMessage($"The range may span at most {MaxDays} days.");

            When(q => q.TimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(q.TimeZone) is not null, () =>
            {
                RuleFor(q => q.From)
                    .Must((query, from) => IsoDate.Parse(from) <= Today(clock, query).PlusDays(horizonDays + 1))
                    .WithMessage($"From must be no later than {horizonDays} days from today: no time further ahead is offered.");
                RuleFor(q => q.To)
                    .Must((query, to) => IsoDate.Parse(to) >= Today(clock, query).PlusDays(-1))
                    .WithMessage("To must not be before today: past times are not offered.");
            });
        });
    }

    private static LocalDate Today(IClock clock, FindOpenSlots query) =>
        clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[query.TimeZone!]).Date;
}

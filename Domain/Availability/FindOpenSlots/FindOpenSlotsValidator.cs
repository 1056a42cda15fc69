using FluentValidation;
using NodaTime;

namespace Intake.Domain.Availability.FindOpenSlots;

internal sealed class FindOpenSlotsValidator : AbstractValidator<FindOpenSlots>
{
    /// <summary>The widest range one query may ask for, in days (both ends inclusive).</summary>
    public const int MaxDays = 62;

    public FindOpenSlotsValidator()
    {
        RuleFor(q => q.From).Must(date => IsoDate.Parse(date) is not null).WithMessage("From must be a date like 2027-03-14.");
        RuleFor(q => q.To).Must(date => IsoDate.Parse(date) is not null).WithMessage("To must be a date like 2027-03-14.");
        RuleFor(q => q.To)
            .Must((query, to) => IsoDate.Parse(query.From) <= IsoDate.Parse(to))
            .When(q => IsoDate.Parse(q.From) is not null && IsoDate.Parse(q.To) is not null)
            .WithMessage("To must not be before From.");
        RuleFor(q => q.To)
            .Must((query, to) => Period.Between(IsoDate.Parse(query.From)!.Value, IsoDate.Parse(to)!.Value, PeriodUnits.Days).Days < MaxDays)
            .When(q => IsoDate.Parse(q.From) is { } from && IsoDate.Parse(q.To) is { } to && from <= to)
            .WithMessage($"The range may span at most {MaxDays} days.");
        RuleFor(q => q.TimeZone)
            .Must(zone => zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
            .WithMessage("TimeZone must be an IANA time zone id such as \"Europe/London\".");
        RuleFor(q => q.TherapistId).MaximumLength(64).WithMessage("TherapistId must be at most 64 characters.");
    }
}

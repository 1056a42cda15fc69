using FluentValidation;
using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Availability.FindOpenSlots;

internal sealed class FindOpenSlotsValidator : AbstractValidator<FindOpenSlots>
{
    /// <summary>The widest range one query may ask for, in days (both ends inclusive).</summary>
    public const int MaxDays = 62;

    public FindOpenSlotsValidator()
    {
        RuleFor(q => q.From).Must(date => Date(date) is not null).WithMessage("From must be a date like 2027-03-14.");
        RuleFor(q => q.To).Must(date => Date(date) is not null).WithMessage("To must be a date like 2027-03-14.");
        RuleFor(q => q.To)
            .Must((query, to) => Date(query.From) <= Date(to))
            .When(q => Date(q.From) is not null && Date(q.To) is not null)
            .WithMessage("To must not be before From.");
        RuleFor(q => q.To)
            .Must((query, to) => Period.Between(Date(query.From)!.Value, Date(to)!.Value, PeriodUnits.Days).Days < MaxDays)
            .When(q => Date(q.From) is { } from && Date(q.To) is { } to && from <= to)
            .WithMessage($"The range may span at most {MaxDays} days.");
        RuleFor(q => q.TimeZone)
            .Must(zone => zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
            .WithMessage("TimeZone must be an IANA time zone id such as \"Europe/London\".");
        RuleFor(q => q.TherapistId).MaximumLength(64).WithMessage("TherapistId must be at most 64 characters.");
    }

    private static LocalDate? Date(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}

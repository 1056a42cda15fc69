using Phones = Intake.Domain.Consultations.PhoneNumbers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Practices;

/// <summary>Refuses to start with a practice that could not write a correct message.</summary>
internal sealed class PracticeOptionsValidation : IValidateOptions<PracticeOptions>
{
    public ValidateOptionsResult Validate(string? name, PracticeOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
            problems.Add("Practice:Name is required.");
        if (options.ConsultationMinutes is < 5 or > 240)
            problems.Add("Practice:ConsultationMinutes must be between 5 and 240.");
        if (options.BufferMinutes is < 0 or > 240)
            problems.Add("Practice:BufferMinutes must be between 0 and 240.");
        if (options.MinimumNoticeMinutes is < 0 or > 60 * 24 * 14)
            problems.Add("Practice:MinimumNoticeMinutes must be between 0 and 20160 (two weeks).");
        if (options.HorizonDays is < 1 or > 731)
            problems.Add("Practice:HorizonDays must be between 1 and 731 (two years).");
        if (options.MaxPerDay is < 1)
            problems.Add("Practice:MaxPerDay must be at least 1, or absent.");
        if (options.ProposalAnswerHours is < 1 or > 24 * 731)
            problems.Add("Practice:ProposalAnswerHours must be between 1 and 17544 (two years), or absent.");
        if (options.Therapists.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() != options.Therapists.Count)
            problems.Add("Practice:Therapists ids must be distinct.");
        if (options.Therapists.Count == 0)
            problems.Add("Practice:Therapists needs at least one therapist.");
        for (var i = 0; i < options.Therapists.Count; i++)
        {
            var therapist = options.Therapists[i];
            if (string.IsNullOrWhiteSpace(therapist.Id))
                problems.Add($"Practice:Therapists:{i}:Id is required.");
            if (string.IsNullOrWhiteSpace(therapist.Email))
                problems.Add($"Practice:Therapists:{i}:Email is required.");
            if (therapist.AlertBySms && string.IsNullOrWhiteSpace(therapist.Phone))
                problems.Add($"Practice:Therapists:{i}:AlertBySms needs a Phone (therapist \"{therapist.Id}\").");
            else if (therapist.AlertBySms && !Phones.TryToE164(therapist.Phone, options.PhoneRegion, out _))
                problems.Add($"Practice:Therapists:{i}:Phone must be a valid phone number, as AlertBySms is on (therapist \"{therapist.Id}\").");
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(therapist.TimeZone) is null)
                problems.Add($"Practice:Therapists:{i}:TimeZone must be an IANA zone id.");
            else if (WeeklyHoursProblem(therapist) is { } hours)
                problems.Add($"Practice:Therapists:{i}:WeeklyHours: {hours}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? WeeklyHoursProblem(TherapistOptions therapist)
    {
        try
        {
            Therapist.FromSettings(therapist).Schedule();
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return exception.Message;
        }
    }
}

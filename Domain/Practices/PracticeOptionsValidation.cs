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
        if (options.Therapists.Count == 0)
            problems.Add("Practice:Therapists needs at least one therapist.");
        for (var i = 0; i < options.Therapists.Count; i++)
        {
            var therapist = options.Therapists[i];
            if (string.IsNullOrWhiteSpace(therapist.Id))
                problems.Add($"Practice:Therapists:{i}:Id is required.");
            if (string.IsNullOrWhiteSpace(therapist.Email))
                problems.Add($"Practice:Therapists:{i}:Email is required.");
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(therapist.TimeZone) is null)
                problems.Add($"Practice:Therapists:{i}:TimeZone must be an IANA zone id.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

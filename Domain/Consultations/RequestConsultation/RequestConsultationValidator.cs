using System.Net.Mail;
using FluentValidation;
using Intake.Domain.Availability;
using Intake.Domain.Practices;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Consultations.RequestConsultation;

internal sealed class RequestConsultationValidator : AbstractValidator<RequestConsultation>
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxMessageLength = 2_000;

    public RequestConsultationValidator(IOptions<PracticeOptions> practice)
    {
        var region = practice.Value.PhoneRegion;

        RuleFor(r => r.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Name is required.")
            .Must(name => name is null || name.Trim().Length <= MaxNameLength)
            .WithMessage($"Name must be at most {MaxNameLength} characters.")
            .Must(name => name is null || !name.Any(char.IsControl)).WithMessage("Name must not contain control characters.");

        RuleFor(r => r.Phone)
            .Must(phone => PhoneNumbers.TryToE164(phone, region, out _))
            .WithMessage("Phone must be a valid phone number, with its country code if it is outside the practice's country.");

        RuleFor(r => r.Email)
            .Must(BeAPlainAddress).WithMessage("Email must be a valid email address.");

        RuleFor(r => r.PreferredChannel)
            .Must(channel => ParseChannel(channel) is not null).WithMessage("PreferredChannel must be \"sms\" or \"email\".");

        RuleFor(r => r.TimeZone)
            .Must(zone => zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
            .WithMessage("TimeZone must be an IANA time zone id such as \"Europe/London\".");

        RuleFor(r => r.Message)
            .MaximumLength(MaxMessageLength).WithMessage($"Message must be at most {MaxMessageLength} characters.");

        SlotStartRules.Optional(this, r => r.SlotStart);

        RuleFor(r => r.TherapistId)
            .NotEmpty().When(r => r.SlotStart is not null).WithMessage("TherapistId is required with a slotStart.")
            .MaximumLength(64).WithMessage("TherapistId must be at most 64 characters.");
    }

    public static ContactChannel? ParseChannel(string? channel) => channel?.ToLowerInvariant() switch
    {
        "sms" => ContactChannel.Sms,
        "email" => ContactChannel.Email,
        _ => null,
    };

    private static bool BeAPlainAddress(string? email) =>
        email is { Length: > 0 and <= MaxEmailLength }
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);
}

using Microsoft.Extensions.Options;
using MimeKit;

namespace Intake.Worker.Senders;

/// <summary>
/// A Twilio section partly filled refuses to start, naming the missing keys: otherwise texts would silently go to
/// files and be recorded as sent.
/// </summary>
internal sealed class TwilioOptionsValidation : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var problems = new List<string>();
        if (options.MissingKeys() is { Count: > 0 } missing)
            problems.Add($"The Twilio section is only partly given; missing: {string.Join(", ", missing)}. Give all of them, or none to write texts to files.");
        if (options.TimeoutSeconds is <= 0 or > 600)
            problems.Add("Twilio:TimeoutSeconds must be between 0 and 600.");
        if (options.ApiBaseUrl is { IsAbsoluteUri: false })
            problems.Add("Twilio:ApiBaseUrl must be an absolute URL.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>An SMTP section partly filled, or a From that is not an address, refuses to start, naming the keys.</summary>
internal sealed class SmtpOptionsValidation : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var problems = new List<string>();
        if (options.MissingKeys() is { Count: > 0 } missing)
            problems.Add($"The Smtp section is only partly given; missing: {string.Join(", ", missing)}. Give them, or leave Host, Username and Password empty to write emails to files.");
        if (options.IsConfigured && !MailboxAddress.TryParse(options.From, out _))
            problems.Add("Smtp:From must be an email address, e.g. \"Calm Harbor Counseling <hello@example.com>\".");
        if (options.Port is < 1 or > 65535)
            problems.Add("Smtp:Port must be between 1 and 65535.");
        if (!Enum.IsDefined(options.Security))
            problems.Add("Smtp:Security must be Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable.");
        if (options.TimeoutSeconds is <= 0 or > 600)
            problems.Add("Smtp:TimeoutSeconds must be between 0 and 600.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

internal sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options) =>
        string.IsNullOrWhiteSpace(options.Directory)
            ? ValidateOptionsResult.Fail("Outbox:Directory must name a folder.")
            : ValidateOptionsResult.Success;
}

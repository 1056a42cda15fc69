using System.Globalization;
using Intake.Domain.Messages;
using Intake.Domain.Messages.Inbound;
using Intake.Api.Twilio;
using MediatR;

// In the Api's root namespace, beside ApiServices, so that the hosts' start-up needs no extra using.
namespace Intake.Api;

/// <summary>
/// Twilio's webhooks under /api/twilio: delivery reports for the texts the Worker sent, and texts people send to the
/// practice's number. Every request must carry Twilio's signature (<see cref="TwilioSignatureFilter"/>) before its
/// form is acted on. Logs carry Twilio's ids only: never a phone number or a message body.
/// </summary>
public static partial class TwilioEndpoints
{
    /// <summary>Section "Twilio" as the webhooks read it; a WebhookBaseUrl that is not an absolute http(s) URL stops the start.</summary>
    public static IServiceCollection AddTwilioWebhooks(this IServiceCollection services)
    {
        services.AddOptions<TwilioWebhookOptions>()
            .BindConfiguration(TwilioWebhookOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.WebhookBaseUrl)
                    || (Uri.TryCreate(o.WebhookBaseUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
                        && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)),
                "Twilio:WebhookBaseUrl must be empty or an absolute http(s) URL without a query, as Twilio posts to it.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>POST /api/twilio/status (delivery reports) and POST /api/twilio/inbound (texts to the practice), both signed by Twilio.</summary>
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/twilio").WithTags("Twilio").AllowAnonymous()
            .AddEndpointFilter<TwilioSignatureFilter>()
            .ExcludeFromDescription();

        group.MapPost("/status", async (HttpRequest request, IMediator mediator, ILogger<TwilioWebhook> logger, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var sid = form["MessageSid"].ToString();
                var status = form["MessageStatus"].ToString();
                var errorCode = int.TryParse(form["ErrorCode"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
                var about = Guid.TryParse(request.Query["m"].ToString(), out var messageId) ? new MessageId(messageId) : (MessageId?)null;
                var outcome = await mediator.Send(new RecordDeliveryStatus(sid, status, errorCode, about), ct);
                string loggedSid = Safe(sid), loggedStatus = Safe(status);
                LogStatus(logger, loggedSid, loggedStatus, outcome);
                // 200 whatever the outcome: an unknown sid or a late report is not worth Twilio's retries.
                return TypedResults.Ok();
            })
            .WithName("TwilioStatusCallback");

        group.MapPost("/inbound", async (HttpRequest request, IMediator mediator, ILogger<TwilioWebhook> logger, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var reply = await mediator.Send(new HandleInboundText(form["From"].ToString(), form["Body"].ToString()), ct);
                var loggedSid = Safe(form["MessageSid"].ToString());
                LogInbound(logger, loggedSid, reply.Keyword);
                return TwiML.Reply(reply.Text);
            })
            .WithName("TwilioInboundMessage");

        return app;
    }

    /// <summary>An id or a status word as Twilio sends them (letters and digits, at most 64): anything else is not logged.</summary>
    private static string Safe(string value) =>
        value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? value : "(unreadable)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio status {MessageStatus} for {MessageSid}: {Outcome}.")]
    private static partial void LogStatus(ILogger logger, string messageSid, string messageStatus, DeliveryStatusOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio inbound text {MessageSid}: {Keyword}.")]
    private static partial void LogInbound(ILogger logger, string messageSid, InboundKeyword keyword);
}

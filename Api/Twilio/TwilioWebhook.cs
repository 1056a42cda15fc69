namespace Intake.Api.Twilio;

/// <summary>The log category of the Twilio webhooks.</summary>
internal sealed class TwilioWebhook
{
    private TwilioWebhook()
    {
    }
}

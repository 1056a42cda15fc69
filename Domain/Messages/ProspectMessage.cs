using Intake.Domain.Consultations;
using NodaTime;

namespace Intake.Domain.Messages;

internal static class ProspectMessage
{
    /// <summary>
    /// A message to the prospect on the channel they may be reached by: a text if they chose texts and agreed to
    /// them, an email otherwise. Only the chosen form is written.
    /// </summary>
    public static OutboundMessage For(
        ConsultationRequest request, MessageKind kind, Instant at, Func<string> text, Func<(string Subject, string Body)> email)
    {
        var prospect = request.Prospect;
        if (prospect.ReachBy == ContactChannel.Sms)
            return OutboundMessage.Text(request.Id, kind, prospect.Phone, text(), at);
        var (subject, body) = email();
        return OutboundMessage.Email(request.Id, kind, prospect.Email, subject, body, at);
    }
}

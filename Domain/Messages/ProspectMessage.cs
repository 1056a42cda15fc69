using Intake.Domain.Consultations;
using Intake.Domain.Messages.Reminders;
using NodaTime;

namespace Intake.Domain.Messages;

internal static class ProspectMessage
{
    /// <summary>
    /// A message to the prospect on the channel they may be reached by: a text if they chose texts and agreed to
    /// them, an email otherwise. Only the chosen form is written. A kind that waits out quiet hours
    /// (<see cref="MessageUrgency"/>) and is written inside them, read in the prospect's zone, is due when they end.
    /// </summary>
    public static OutboundMessage For(
        ConsultationRequest request, MessageKind kind, Instant at, Func<string> text, Func<(string Subject, string Body)> email, QuietHours quiet)
    {
        var prospect = request.Prospect;
        OutboundMessage message;
        if (prospect.ReachBy == ContactChannel.Sms)
        {
            message = OutboundMessage.Text(request.Id, kind, prospect.Phone, text(), at);
        }
        else
        {
            var (subject, body) = email();
            message = OutboundMessage.Email(request.Id, kind, prospect.Email, subject, body, at);
        }

        return MessageUrgency.WaitsForQuietHoursToEnd(kind) ? message.NotBefore(quiet.EndOfQuietPeriodAt(at, prospect.TimeZone)) : message;
    }
}

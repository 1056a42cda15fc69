using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages.Reminders;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>What the request a message is about looks like now, as far as dispatch needs to know.</summary>
internal sealed record RequestFacts(ConsultationStatus Status, string Phone, string Email, DateTimeZone TimeZone);

/// <summary>What to do with a claimed message.</summary>
internal abstract record Decision
{
    public sealed record Send(RequestFacts? Request) : Decision;

    /// <summary>Not to be sent: closed as <paramref name="Status"/>, with the email that replaces it if any.</summary>
    public sealed record Withdraw(MessageStatus Status, string Reason, OutboundMessage? Instead = null, bool OptOut = false) : Decision;

    /// <summary>Not now (the recipient's quiet hours): Pending again, due at <paramref name="Until"/>, the attempt not counted.</summary>
    public sealed record Defer(Instant Until) : Decision;
}

/// <summary>
/// Step 2, decide: the checks between the claim and the send, made again after any wait for a turn. In order: a
/// message claimed more often than MaxAttempts (its jobs kept dying) is given up; one past its NotAfter is
/// withdrawn; one whose request is no longer in a state it makes sense for (<see cref="MessageRelevance"/>) is
/// withdrawn; a text to a number that opted out becomes an email; a message that waits out quiet hours
/// (<see cref="MessageUrgency"/>) and finds the prospect inside theirs is deferred to when they end — or withdrawn,
/// if that is past its NotAfter.
/// </summary>
internal sealed class DecideWhetherToSend(
    IntakeDbContext db, IClock clock, IOptions<DispatchOptions> options, IOptions<PracticeOptions> practice, IOptions<MessagingOptions> messaging)
{
    internal const string PastItsTime = "past its time";
    internal const string CallNoLongerStands = "call no longer stands";
    internal const string OptedOut = "opted out";

    public async Task<Decision> DecideAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (message.Attempts > options.Value.MaxAttempts)
            return new Decision.Withdraw(MessageStatus.Failed, $"gave up after {message.Attempts - 1} attempts: {message.LastError ?? "claim lapsed"}");

        if (message.NotAfter is { } notAfter && now > notAfter)
            return new Decision.Withdraw(MessageStatus.Cancelled, PastItsTime);

        var request = await LoadRequestAsync(message, cancellationToken);
        if (message.ConsultationRequestId is not null && (request is null || !MessageRelevance.StillStands(message.Kind, request.Status)))
            return new Decision.Withdraw(MessageStatus.Cancelled, CallNoLongerStands);

        if (message.Channel == ContactChannel.Sms
            && await db.SmsOptOuts.AnyAsync(o => o.Phone == message.Recipient, cancellationToken))
        {
            var instead = TextFallback.EmailInsteadOf(message, request?.Phone, request?.Email, practice.Value.Name, now);
            return new Decision.Withdraw(instead is null ? MessageStatus.Failed : MessageStatus.Cancelled, OptedOut, instead);
        }

        if (request is not null && MessageUrgency.WaitsForQuietHoursToEnd(message.Kind)
            && messaging.Value.QuietHours().HoldsUntil(now, message.DueAt, request.TimeZone) is { } until)
        {
            return message.NotAfter is { } limit && until > limit
                ? new Decision.Withdraw(MessageStatus.Cancelled, PastItsTime)
                : new Decision.Defer(until);
        }

        return new Decision.Send(request);
    }

    private Task<RequestFacts?> LoadRequestAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        message.ConsultationRequestId is { } requestId
            ? db.ConsultationRequests.AsNoTracking()
                .Where(r => r.Id == requestId)
                .Select(r => new RequestFacts(r.Status, r.Prospect.Phone, r.Prospect.Email, r.Prospect.TimeZone))
                .SingleOrDefaultAsync(cancellationToken)
            : Task.FromResult<RequestFacts?>(null);
}

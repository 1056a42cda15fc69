using Intake.Domain;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Intake.Bench.Storage;

/// <summary>
/// Puts texts in the database Pending and due now, through the domain's own model (so any engine the domain
/// supports works): one callback request, and the given number of acknowledgement texts about it, in one
/// transaction. Each body is numbered, so the fake Twilio can tell a duplicate from a new message.
/// </summary>
internal sealed class DueMessages : IAsyncDisposable
{
    public const string Phone = "+12125550199";

    private readonly ServiceProvider _services;
    private ConsultationRequestId? _request;

    public DueMessages(IConfiguration configuration)
    {
        _services = new ServiceCollection().AddLogging().AddIntakeDomain(configuration).BuildServiceProvider();
    }

    /// <summary>Inserts <paramref name="count"/> due texts numbered from <paramref name="first"/>; returns when they are committed.</summary>
    public async Task InsertAsync(int first, int count)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = SystemClock.Instance.GetCurrentInstant();
        if (_request is null)
        {
            var prospect = new Prospect("Bench Prospect", Phone, "prospect@example.com", ContactChannel.Sms, SmsConsent: true, DateTimeZoneProviders.Tzdb["America/New_York"]);
            var request = ConsultationRequest.Submit(prospect, message: null, now);
            // The request is only what the texts are about: its own acknowledgement and alerts are not wanted here.
            request.ClearEvents();
            db.ConsultationRequests.Add(request);
            _request = request.Id;
        }

        for (var i = first; i < first + count; i++)
        {
            db.Messages.Add(OutboundMessage.Text(_request, MessageKind.Acknowledgement, Phone,
                $"Calm Harbor Counseling: we received your request #{i} and will call you back. Reply STOP to opt out.", now));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>How many of these texts (those to <see cref="Phone"/>) the database records as sent; other messages (a therapist's agenda) are not counted.</summary>
    public async Task<int> SentCountAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return await db.Messages.CountAsync(m => m.Recipient == Phone && m.Status == MessageStatus.Sent);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using System.Text;
using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using NodaTime;
using NodaTime.Testing;
using IcsCalendar = Ical.Net.Calendar;

namespace Intake.Tests.Worker;

/// <summary>
/// Invitations from the change to the prospect's mailbox: queued with the confirmation, reschedule and cancellation
/// emails in the same save, then sent by the dispatch job through MailKit to an in-process SMTP server (or written
/// beside the outbox file), and read back as a calendar would.
/// </summary>
public class CalendarInviteDeliveryTests
{
    // Wednesday 10 March 2027; t1 works Monday 09:00-12:00 New York time. The prospect is in London.
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 10, 12, 0);
    private static readonly Instant MondayNine = Instant.FromUtc(2027, 3, 15, 13, 0);
    private static readonly Instant MondayTen = Instant.FromUtc(2027, 3, 15, 14, 0);
    private static readonly Duration Quarter = Duration.FromMinutes(15);

    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private SimpleSmtpServer _smtp = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Start);
        _database = new TestDatabase();
        _smtp = SimpleSmtpServer.Start();
        _services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "Calm Harbor Counseling <hello@calmharbor.example>",
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        _smtp.Dispose();
        _database.Dispose();
    }

    private static Prospect Prospect(ContactChannel channel) =>
        new("Jane Doe", "+12125550199", "jane@example.com", channel, channel == ContactChannel.Sms, DateTimeZoneProviders.Tzdb["Europe/London"]);

    private async Task<ConsultationRequestId> HoldAsync(ContactChannel channel)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var request = ConsultationRequest.HoldSlot(
            Prospect(channel), Requests.SensitiveWords, new Slot("t1", MondayNine, MondayNine + Quarter), Duration.Zero, _clock.GetCurrentInstant());
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task ActAsync(ConsultationRequestId id, Func<ConsultationRequest, Instant, TransitionResult> transition)
    {
        _clock.Advance(Duration.FromMinutes(10));
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleAsync(r => r.Id == id);
        Assert.That(transition(request, _clock.GetCurrentInstant()).IsOk, Is.True);
        await db.SaveChangesAsync();
    }

    private async Task<OutboundMessage> MessageAsync(MessageKind kind)
    {
        await using var db = _database.Open();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Kind == kind);
    }

    private async Task<DispatchResult> DispatchAsync(MessageId id, IServiceProvider? services = null)
    {
        await using var scope = (services ?? _services).CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchMessage(id));
    }

    private static IcsCalendar Parse(string? ics) =>
        IcsCalendar.Load(ics ?? throw new AssertionException("The message carries no invitation.")) ?? throw new AssertionException("Not iCalendar.");

    [Test]
    public async Task ConfirmRescheduleCancel_ByEmail_EachEmailCarriesTheSameEventAtItsTime()
    {
        var id = await HoldAsync(ContactChannel.Email);
        await ActAsync(id, (r, now) => r.Confirm(now));
        await ActAsync(id, (r, now) => r.Reschedule(new Slot("t1", MondayTen, MondayTen + Quarter), Duration.Zero, now));
        await ActAsync(id, (r, now) => r.Cancel(CancelledBy.Therapist, now));

        var calendars = new List<IcsCalendar>();
        foreach (var kind in new[] { MessageKind.Confirmed, MessageKind.Rescheduled, MessageKind.Cancelled })
            calendars.Add(Parse((await MessageAsync(kind)).CalendarInvite));

        var events = calendars.Select(c => c.Events.Single()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(calendars.Select(c => c.Method), Is.EqualTo(new[] { "REQUEST", "REQUEST", "CANCEL" }));
            Assert.That(events.Select(e => e.Uid), Is.All.EqualTo($"{id}@intake"));
            Assert.That(events.Select(e => e.Sequence), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(events.Select(e => e.DtStart!.TzId), Is.All.EqualTo("Europe/London"), "the prospect's zone, not the therapist's");
            Assert.That(events.Select(e => e.DtStart!.AsUtc),
                Is.EqualTo(new[] { MondayNine, MondayTen, MondayTen }.Select(i => i.ToDateTimeUtc())));
            Assert.That(events.Select(e => e.Organizer!.Value), Is.All.EqualTo(new Uri("mailto:hello@calmharbor.example")));
            Assert.That(events[0].Description, Does.Contain("To change or cancel: http"), "the manage link");
        });
    }

    [Test]
    public async Task Confirm_ByText_CarriesNoInvitation()
    {
        var id = await HoldAsync(ContactChannel.Sms);
        await ActAsync(id, (r, now) => r.Confirm(now));

        var confirmation = await MessageAsync(MessageKind.Confirmed);
        Assert.That((confirmation.Channel, confirmation.CalendarInvite), Is.EqualTo((ContactChannel.Sms, (string?)null)));
    }

    [Test]
    public async Task Cancel_OfAHeldTimeNeverConfirmed_CarriesNoInvitation()
    {
        var id = await HoldAsync(ContactChannel.Email);
        await ActAsync(id, (r, now) => r.Cancel(CancelledBy.Prospect, now));

        var cancellation = await MessageAsync(MessageKind.Cancelled);
        Assert.That((cancellation.Channel, cancellation.CalendarInvite), Is.EqualTo((ContactChannel.Email, (string?)null)));
    }

    [Test]
    public async Task Confirmation_SentThroughSmtp_ArrivesWithATextCalendarPartAtTheCallsInstant()
    {
        var id = await HoldAsync(ContactChannel.Email);
        await ActAsync(id, (r, now) => r.Confirm(now));
        var confirmation = await MessageAsync(MessageKind.Confirmed);

        Assert.That(await DispatchAsync(confirmation.Id), Is.EqualTo(DispatchResult.Sent));

        var received = _smtp.ReceivedEmail.Single();
        using var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        var body = mime.BodyParts.OfType<TextPart>().Single(p => p.IsPlain);
        var invite = mime.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        var calendarEvent = Parse(invite.Text).Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(mime.Body!.ContentType.MimeType, Is.EqualTo("multipart/mixed"));
            Assert.That(body.Text, Does.Contain("is confirmed for Mon 15 Mar, 1:00 PM GMT"));
            Assert.That(invite.ContentType.Parameters["method"], Is.EqualTo("REQUEST"));
            Assert.That(invite.ContentType.Charset, Is.EqualTo("utf-8"));
            Assert.That(invite.FileName, Is.EqualTo("invite.ics"));
            Assert.That(calendarEvent.Uid, Is.EqualTo($"{id}@intake"));
            Assert.That(calendarEvent.DtStart!.TzId, Is.EqualTo("Europe/London"));
            Assert.That(calendarEvent.DtStart.AsUtc, Is.EqualTo(MondayNine.ToDateTimeUtc()));
        });
    }

    [Test]
    public async Task Cancellation_SentThroughSmtp_SaysMethodCancel()
    {
        var id = await HoldAsync(ContactChannel.Email);
        await ActAsync(id, (r, now) => r.Confirm(now));
        await ActAsync(id, (r, now) => r.Cancel(CancelledBy.Prospect, now));
        var cancellation = await MessageAsync(MessageKind.Cancelled);

        Assert.That(await DispatchAsync(cancellation.Id), Is.EqualTo(DispatchResult.Sent));

        using var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(_smtp.ReceivedEmail.Single().Data)));
        var invite = mime.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        var calendar = Parse(invite.Text);
        Assert.Multiple(() =>
        {
            Assert.That(invite.ContentType.Parameters["method"], Is.EqualTo("CANCEL"));
            Assert.That(calendar.Method, Is.EqualTo("CANCEL"));
            Assert.That(calendar.Events.Single().Status, Is.EqualTo("CANCELLED"));
            Assert.That(calendar.Events.Single().DtStart!.AsUtc, Is.EqualTo(MondayNine.ToDateTimeUtc()));
        });
    }

    [Test]
    public async Task Confirmation_WithNoEmailServer_WritesTheInvitationBesideTheOutboxFile()
    {
        await using var outboxOnly = await InProcessWorker.BuildAsync(_database, _clock);
        var id = await HoldAsync(ContactChannel.Email);
        await ActAsync(id, (r, now) => r.Confirm(now));
        var confirmation = await MessageAsync(MessageKind.Confirmed);

        Assert.That(await DispatchAsync(confirmation.Id, outboxOnly), Is.EqualTo(DispatchResult.Sent));

        var ics = await File.ReadAllTextAsync(Path.Combine(_database.OutboxFolder, $"{confirmation.Id}.email.ics"));
        Assert.Multiple(() =>
        {
            Assert.That(ics, Is.EqualTo(confirmation.CalendarInvite));
            Assert.That(Parse(ics).Events.Single().DtStart!.AsUtc, Is.EqualTo(MondayNine.ToDateTimeUtc()));
            Assert.That(File.Exists(Path.Combine(_database.OutboxFolder, $"{confirmation.Id}.email.txt")), Is.True);
            Assert.That(_smtp.ReceivedEmailCount, Is.Zero);
        });
    }
}

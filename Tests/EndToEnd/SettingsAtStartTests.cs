using System.Net;
using Intake.Tests.Support;

namespace Intake.Tests.EndToEnd;

/// <summary>
/// Settings that cannot work stop the real Worker process before it sends anything, naming the keys; with no Twilio
/// and no SMTP settings at all the Api's readiness check says that messages are written to files.
/// </summary>
[Category("EndToEnd")]
public class SettingsAtStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private TestDatabase _database = null!;

    [SetUp]
    public void SetUp() => _database = new TestDatabase();

    [TearDown]
    public void TearDown() => _database.Dispose();

    private HostProcess StartWorker(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(_database.Settings);
        foreach (var (key, value) in settings)
            all[key] = value;
        return HostProcess.Worker(_database.Folder, all);
    }

    [TestCase("Twilio:AccountSid", "AC00000000000000000000000000000001", new[] { "Twilio:AuthToken", "Twilio:From" })]
    [TestCase("Twilio:From", "+15005550006", new[] { "Twilio:AccountSid", "Twilio:AuthToken" })]
    [TestCase("Smtp:Username", "jdoe-login", new[] { "Smtp:Host", "Smtp:Password" })]
    [TestCase("Smtp:Password", "s3cr3t-pass", new[] { "Smtp:Host", "Smtp:Username" })]
    public async Task Worker_WithASectionPartlyGiven_ExitsNonZeroNamingTheMissingKeys(string key, string value, string[] missing)
    {
        using var worker = StartWorker(new Dictionary<string, string?> { [key] = value });

        var exitCode = await worker.WaitForExitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Null.And.Not.Zero, worker.Output);
            foreach (var name in missing)
                Assert.That(worker.Output, Does.Contain(name));
            Assert.That(worker.Output, Does.Not.Contain(value), "secrets and numbers are not repeated in the message");
        });
    }

    [Test]
    public async Task Worker_WithALeaseShorterThanASendersTimeout_ExitsNonZeroNamingBoth()
    {
        using var worker = StartWorker(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:TimeoutSeconds"] = "30",
            ["Dispatch:ClaimLeaseSeconds"] = "20",
        });

        var exitCode = await worker.WaitForExitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Null.And.Not.Zero, worker.Output);
            Assert.That(worker.Output, Does.Contain("Smtp:TimeoutSeconds").And.Contain("Dispatch:ClaimLeaseSeconds"));
        });
    }

    [Test]
    public async Task Worker_WithNeitherSection_StartsAndKeepsRunning()
    {
        using var worker = StartWorker(new Dictionary<string, string?> { ["Dispatch:PollIntervalSeconds"] = "0.2" });

        // Still running after the time a refusal takes: it started with the file sink.
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.That(exitCode, Is.Null, worker.Output);
    }

    [Test]
    public async Task Ready_WithNoTwilioOrSmtpSettings_SaysMessagesAreWrittenToFiles()
    {
        await using var api = new ApiFactory(_database);
        using var client = api.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Does.Contain("messages are written to files"));
        });
    }

    [Test]
    public async Task Ready_WithTwilioAndSmtpSettings_DoesNotSayFiles()
    {
        await using var api = new ApiFactory(_database, settings: new Dictionary<string, string>
        {
            ["Twilio:AccountSid"] = FakeTwilio.AccountSid, ["Twilio:AuthToken"] = FakeTwilio.AuthToken, ["Twilio:From"] = FakeTwilio.From,
            ["Smtp:Host"] = "127.0.0.1",
        });
        using var client = api.CreateClient();

        var body = await client.GetStringAsync("/health/ready");

        Assert.That(body, Does.Not.Contain("written to files").And.Contain("texts go through Twilio, emails through SMTP"));
    }
}

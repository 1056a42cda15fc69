using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intake.Tests.Support;

/// <summary>
/// A stand-in for Twilio's Messages API on 127.0.0.1: the real SDK talks to it over HTTP. It checks the
/// account's Basic credentials, records every request, and answers as scripted: accept (201), fail with a
/// Twilio error, or hold the request until released and then drop the connection (a send that never completed).
/// </summary>
internal sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "test-auth-token";
    public const string From = "+15005550006";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task<bool>>> _script = new();
    private int _sequence;

    private FakeTwilio(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Messages Twilio accepted (answered 201 to).</summary>
    public ConcurrentQueue<SentText> Accepted { get; } = new();

    /// <summary>Every create-message request that arrived, whatever the answer.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private int _requests;

    private readonly ConcurrentQueue<long> _arrivals = new();

    /// <summary>When each create-message request arrived (<see cref="Stopwatch.GetTimestamp"/>), in arrival order.</summary>
    public IReadOnlyList<long> Arrivals => [.. _arrivals];

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeTwilio(app);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", (Func<HttpContext, string, Task<IResult>>)fake.CreateMessageAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>
    /// After each accepted text that named a status callback, report "sent" as Twilio does: a signed POST to the
    /// callback's path and query, sent to <paramref name="api"/> (the callback URL's public host stands for it).
    /// </summary>
    public void ReportStatusTo(Uri api, string authToken)
    {
        _reportTo = api;
        _reportToken = authToken;
    }

    /// <summary>Status reports delivered so far (answered 2xx by the Api).</summary>
    public int ReportsDelivered => Volatile.Read(ref _reportsDelivered);

    private Uri? _reportTo;
    private string _reportToken = string.Empty;
    private int _reportsDelivered;
    private static readonly HttpClient Reporter = new();

    /// <summary>The next request gets this Twilio error instead of being accepted.</summary>
    public void FailNext(int httpStatus, int twilioCode) => _script.Enqueue(async context =>
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            $$"""{"code": {{twilioCode}}, "message": "scripted failure", "more_info": "https://www.twilio.com/docs/errors/{{twilioCode}}", "status": {{httpStatus}}}""");
        return true;
    });

    /// <summary>The next <paramref name="times"/> requests get this Twilio error (429 rate limit, 500 outage ...).</summary>
    public void FailNext(int httpStatus, int twilioCode, int times)
    {
        for (var i = 0; i < times; i++)
            FailNext(httpStatus, twilioCode);
    }

    /// <summary>The next request is held until the returned source is completed, then its connection is dropped.</summary>
    public TaskCompletionSource HoldNext()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _script.Enqueue(async context =>
        {
            await release.Task;
            context.Abort();
            return true;
        });
        return release;
    }

    /// <summary>
    /// The next request is accepted — recorded, given a sid, reported by status callback — but its answer is held
    /// until the returned source is completed and then dropped: Twilio has the text, the sender hears nothing.
    /// </summary>
    public TaskCompletionSource AcceptButNeverAnswerNext()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _acceptSilently.Enqueue(release);
        return release;
    }

    private readonly ConcurrentQueue<TaskCompletionSource> _acceptSilently = new();

    public async Task<bool> WaitForAsync(Func<FakeTwilio, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(this))
                return true;
            await Task.Delay(50);
        }

        return condition(this);
    }

    public async ValueTask DisposeAsync()
    {
        while (_script.TryDequeue(out _))
        {
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> CreateMessageAsync(HttpContext context, string sid)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{AccountSid}:{AuthToken}"));
        if (sid != AccountSid || context.Request.Headers.Authorization != expected)
            return Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: 401);

        _arrivals.Enqueue(Stopwatch.GetTimestamp());
        var form = await context.Request.ReadFormAsync();
        Interlocked.Increment(ref _requests);
        if (_script.TryDequeue(out var scripted) && await scripted(context))
            return Results.Empty;

        var messageSid = $"SM{Interlocked.Increment(ref _sequence):D32}";
        var text = new SentText(messageSid, form["To"].ToString(), form["From"].ToString(), form["MessagingServiceSid"].ToString(), form["Body"].ToString())
        {
            StatusCallback = form["StatusCallback"].ToString(),
        };
        Accepted.Enqueue(text);
        if (_acceptSilently.TryDequeue(out var silent))
        {
            if (_reportTo is { } reportTo && text.StatusCallback.Length > 0)
                await ReportAsync(reportTo, text);
            await silent.Task;
            context.Abort();
            return Results.Empty;
        }

        if (_reportTo is { } api && text.StatusCallback.Length > 0)
            context.Response.OnCompleted(() => ReportAsync(api, text));
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["sid"] = messageSid,
                ["account_sid"] = AccountSid,
                ["to"] = text.To,
                ["from"] = text.From,
                ["body"] = text.Body,
                ["status"] = "queued",
                ["num_segments"] = "1",
                ["direction"] = "outbound-api",
                ["api_version"] = "2010-04-01",
                ["date_created"] = DateTime.UtcNow.ToString("R"),
                ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}.json",
            },
            statusCode: (int)HttpStatusCode.Created);
    }

    private async Task ReportAsync(Uri api, SentText text)
    {
        var callback = new Uri(text.StatusCallback);
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid, ["MessageSid"] = text.Sid, ["MessageStatus"] = "sent", ["To"] = text.To, ["From"] = text.From,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, callback.PathAndQuery)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioWebhookSigner.Sign(text.StatusCallback, form, _reportToken));
        try
        {
            using var response = await Reporter.SendAsync(request);
            if (response.IsSuccessStatusCode)
                Interlocked.Increment(ref _reportsDelivered);
        }
        catch (HttpRequestException)
        {
            // Twilio retries a failed callback a few times and then gives up; so does this stand-in, at once.
        }
    }

    public sealed record SentText(string Sid, string To, string From, string MessagingServiceSid, string Body)
    {
        /// <summary>The status callback URL the message asked Twilio to report to; empty when none.</summary>
        public string StatusCallback { get; init; } = string.Empty;
    }
}

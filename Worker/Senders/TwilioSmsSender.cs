using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Intake.Worker.Senders;

/// <summary>Texts through the Twilio SDK. Twilio's answer decides whether a failure is worth retrying.</summary>
internal sealed class TwilioSmsSender : ISmsSender, IDisposable
{
    private readonly TwilioOptions _options;
    private readonly System.Net.Http.HttpClient _http;
    private readonly TwilioRestClient _client;

    public TwilioSmsSender(IOptions<TwilioOptions> options)
    {
        _options = options.Value;
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _http = new System.Net.Http.HttpClient(_options.ApiBaseUrl is { } baseUrl ? new RedirectToBaseUrl(baseUrl, handler) : handler)
        {
            Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
        };
        _client = new TwilioRestClient(_options.AccountSid, _options.AuthToken, httpClient: new SystemNetHttpClient(_http));
    }

    public async Task<SendOutcome> SendAsync(TextToSend text, CancellationToken cancellationToken)
    {
        var create = new CreateMessageOptions(new PhoneNumber(text.To)) { Body = text.Body, StatusCallback = StatusCallbackFor(text.Id) };
        if (!string.IsNullOrWhiteSpace(_options.MessagingServiceSid))
            create.MessagingServiceSid = _options.MessagingServiceSid;
        else
            create.From = new PhoneNumber(_options.From);

        try
        {
            var message = await MessageResource.CreateAsync(create, _client);
            return new SendOutcome.Accepted(message.Sid);
        }
        catch (ApiException exception) when (exception.Status == 429 || exception.Status >= 500)
        {
            return new SendOutcome.Transient($"twilio http {exception.Status} code {exception.Code}", CodeOf(exception));
        }
        catch (ApiException exception)
        {
            return new SendOutcome.Permanent(
                $"twilio http {exception.Status} code {exception.Code}", CodeOf(exception), TextFallback.RefusalFor(exception.Code));
        }
        catch (Exception exception) when (exception is ApiConnectionException or HttpRequestException or TaskCanceledException or IOException)
        {
            // Refused before the request left: certainly not sent. A timeout or a connection dropped afterwards: Twilio
            // may have the text, and its status callback will say so.
            return NeverReachedTwilio(exception)
                ? new SendOutcome.Transient($"twilio unreachable ({Innermost(exception).GetType().Name})")
                : new SendOutcome.Unknown($"twilio gave no answer ({Innermost(exception).GetType().Name})");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// The status callback names our message (?m=id), so the Api can record the send even if this process dies
    /// between Twilio's answer and our own record of it (ADR 002).
    /// </summary>
    private Uri? StatusCallbackFor(MessageId id) =>
        _options.StatusCallbackUrl is { } url ? new Uri($"{url.AbsoluteUri}?m={id}") : null;

    /// <summary>True when the connection was never made (refused, no such host): the request cannot have reached Twilio.</summary>
    private static bool NeverReachedTwilio(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError })
                return true;
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable })
                return true;
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
            e = e.InnerException;
        return e;
    }

    private static int? CodeOf(ApiException exception) => exception.Code == 0 ? null : exception.Code;

    /// <summary>The SDK builds absolute api.twilio.com addresses; this sends them to the configured base instead.</summary>
    private sealed class RedirectToBaseUrl(Uri baseUrl, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri)
            {
                request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

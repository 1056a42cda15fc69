using System.Net;

namespace Intake.Bench.Load;

/// <summary>
/// The load client's HTTP side: one HttpClient with exactly as many pooled connections as workers, so N workers
/// are N concurrent connections; bodies are read to the end into a buffer per worker and only their length kept.
/// </summary>
internal sealed class HttpLoad : IDisposable
{
    private readonly HttpClient _client;
    private readonly byte[][] _buffers;

    public HttpLoad(Uri baseAddress, int connections)
    {
        Connections = connections;
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _buffers = Enumerable.Range(0, connections).Select(_ => new byte[64 * 1024]).ToArray();
    }

    public int Connections { get; }

    public HttpClient Client => _client;

    /// <summary>Sends the request on behalf of a worker; true when the status is the expected one and the body has the expected length (if given).</summary>
    public async Task<bool> SendAsync(int worker, HttpRequestMessage request, HttpStatusCode expected, long? expectedLength = null)
    {
        using (request)
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(_buffers[worker])) > 0)
                length += read;
            return response.StatusCode == expected && (expectedLength is null || length == expectedLength);
        }
    }

    /// <summary>Runs the closed loop over this client's connections.</summary>
    public Task<LoadRun> RunAsync(TimeSpan duration, Func<int, HttpRequestMessage> request, HttpStatusCode expected, long? expectedLength = null) =>
        ClosedLoop.RunAsync(Connections, duration, worker => SendAsync(worker, request(worker), expected, expectedLength));

    public void Dispose() => _client.Dispose();
}

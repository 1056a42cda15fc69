using System.Collections.Concurrent;
using System.Text;

namespace Intake.Api.Bench;

/// <summary>
/// What scripts/bench.sh compares the real endpoints against, in the same process: a bare endpoint that writes a
/// precomputed JSON body, so the difference is the work Intake does. Mapped only when Bench:Baselines is true.
/// </summary>
public static class BaselineEndpoints
{
    /// <summary>The largest body the baseline will precompute (the 30-day slot list is a few hundred KB).</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly ConcurrentDictionary<int, byte[]> Bodies = new();

    private static readonly ConcurrentDictionary<int, byte[]> Pages = new();

    public static IEndpointRouteBuilder MapBenchBaselines(this IEndpointRouteBuilder app)
    {
        // GET /bench/baseline/json?bytes=N: a valid JSON document of exactly N bytes, built once per size.
        app.MapGet("/bench/baseline/json", (int bytes) =>
                bytes is < 16 or > MaxBytes
                    ? Results.BadRequest()
                    : Results.Bytes(Bodies.GetOrAdd(bytes, JsonOfSize), "application/json"))
            .ExcludeFromDescription();
        // GET /bench/baseline/page?bytes=N: an HTML page of exactly N bytes showing one time button at once, no script:
        // what a browser needs at least to show the booking page's first open time with the same bytes.
        app.MapGet("/bench/baseline/page", (int bytes) =>
                bytes is < 128 or > MaxBytes
                    ? Results.BadRequest()
                    : Results.Bytes(Pages.GetOrAdd(bytes, PageOfSize), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A page with one button carrying data-start, padded to the requested size with a comment.</summary>
    internal static byte[] PageOfSize(int bytes)
    {
        const string Open = "<!doctype html><html lang=\"en\"><title>Baseline</title><button data-start=\"0\">9:00 AM</button><!--";
        const string Close = "--></html>";
        var text = new StringBuilder(bytes).Append(Open).Append('x', bytes - Open.Length - Close.Length).Append(Close).ToString();
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>{"padding":"xxx…"} padded to the requested size.</summary>
    internal static byte[] JsonOfSize(int bytes)
    {
        const string Open = "{\"padding\":\"";
        const string Close = "\"}";
        var text = new StringBuilder(bytes).Append(Open).Append('x', bytes - Open.Length - Close.Length).Append(Close).ToString();
        return Encoding.UTF8.GetBytes(text);
    }
}

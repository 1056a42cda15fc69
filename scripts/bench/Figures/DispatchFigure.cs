using System.Diagnostics;
using System.Globalization;
using Intake.Bench.Hosts;
using Intake.Bench.Report;
using Intake.Bench.Storage;
using Intake.Tests.Support;

namespace Intake.Bench.Figures;

/// <summary>
/// Figure 5: due texts sent by a Worker process to the fake Twilio, counted where they arrive — first with no
/// rate ceiling against Hangfire running as many empty jobs, then under a ceiling, which no one-second window of
/// arrivals may exceed.
/// </summary>
internal static class DispatchFigure
{
    private const string Figure = "F5";
    private const double Target = 0.7;

    public static async Task<FigureResult> RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var count = sizes.DueMessages;
        var result = new FigureResult(Figure, $"Dispatch: {count:N0} due texts to the fake Twilio");
        var database = await context.Storage.CreateDatabaseAsync("dispatch");
        var settings = new Dictionary<string, string>(context.Storage.HostSettings(database));
        foreach (var (key, value) in PracticeSettings.For(horizonDays: 30))
            settings[key] = value;
        var timeout = TimeSpan.FromSeconds(context.Options.Quick ? 60 : 300);

        // The baseline first and alone: on a shared job storage (a database) a running Worker would take its jobs too.
        var baseline = new List<double>();
        string baselineName;
        int workers;
        using (var hangfire = new EmptyJobBaseline(BenchConfiguration.Build(context.Options.RepositoryRoot, settings)))
        {
            (baselineName, workers) = (hangfire.StorageName, hangfire.Workers);
            await hangfire.RunAsync(Math.Max(100, count / 10), timeout);
            for (var run = 0; run < sizes.Runs; run++)
                baseline.Add(count / (await hangfire.RunAsync(count, timeout)).TotalSeconds);
        }

        await using var twilio = await FakeTwilio.StartAsync();
        settings["Twilio:AccountSid"] = FakeTwilio.AccountSid;
        settings["Twilio:AuthToken"] = FakeTwilio.AuthToken;
        settings["Twilio:From"] = FakeTwilio.From;
        settings["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString();
        await using var due = new DueMessages(BenchConfiguration.Build(context.Options.RepositoryRoot, settings));
        var inserted = 0;

        var rates = new List<double>();
        var cpu = new List<CpuUse>();
        settings["Dispatch:MaxPerSecondSms"] = "0";
        using (var worker = await context.Hosts.StartWorkerAsync(settings))
        {
            await SendAsync(twilio, due, worker, inserted, Math.Max(50, count / 20), timeout);
            inserted += Math.Max(50, count / 20);
            for (var run = 0; run < sizes.Runs; run++)
            {
                var meter = CpuMeter.Start(worker);
                var (committed, arrivals) = await SendAsync(twilio, due, worker, inserted, count, timeout);
                cpu.Add(meter.Stop());
                inserted += count;
                var seconds = (arrivals[^1] - committed) / (double)Stopwatch.Frequency;
                rates.Add(count / seconds);
                BenchContext.Log($"F5: run {run + 1}: {count:N0} texts arrived in {seconds:N1} s ({rates[^1]:N0}/s)");
            }

            await CheckRecordedAsSentAsync(context, due, inserted, "no ceiling");
            context.RecordPeak(worker, "F5 dispatch, no ceiling");
        }

        // Under the ceiling: a Worker of its own, so its limiter starts fresh.
        var ceiling = sizes.SmsCeiling;
        var ceilingRates = new List<double>();
        var busiestWindows = new List<int>();
        settings["Dispatch:MaxPerSecondSms"] = ceiling.ToString(CultureInfo.InvariantCulture);
        using (var worker = await context.Hosts.StartWorkerAsync(settings))
        {
            await SendAsync(twilio, due, worker, inserted, 10, timeout);
            inserted += 10;
            for (var run = 0; run < sizes.Runs; run++)
            {
                var (_, arrivals) = await SendAsync(twilio, due, worker, inserted, sizes.CeilingMessages, timeout);
                inserted += sizes.CeilingMessages;
                ceilingRates.Add((arrivals.Length - 1) / ((arrivals[^1] - arrivals[0]) / (double)Stopwatch.Frequency));
                busiestWindows.Add(BusiestSecond(arrivals));
                BenchContext.Log($"F5: ceiling run {run + 1}: {ceilingRates[^1]:N1}/s, busiest one-second window {busiestWindows[^1]}");
                context.Checks.Require(busiestWindows[^1] <= ceiling, Figure,
                    $"ceiling run {run + 1}: no one-second window of arrivals at Twilio held more than {ceiling} texts (busiest: {busiestWindows[^1]})");
            }

            await CheckRecordedAsSentAsync(context, due, inserted, "ceiling");
            context.RecordPeak(worker, $"F5 dispatch, {ceiling}/s ceiling");
        }

        var distinct = twilio.Accepted.Select(t => t.Body).Distinct().Count();
        context.Checks.Require(twilio.Requests == inserted && distinct == inserted, Figure,
            $"each of the {inserted:N0} due texts reached Twilio exactly once ({twilio.Requests:N0} requests, {distinct:N0} distinct texts)");

        var rate = Spread.Of(rates);
        var jobs = Spread.Of(baseline);
        var ratio = rate.Median / jobs.Median;
        result.Rows.Add(new FigureRow(Figure, $"dispatch, {count:N0} due texts, no ceiling",
            $"{rate.Format()} texts/s end to end", $"{jobs.Format()} empty jobs/s ({baselineName}, {workers} workers)", ratio, $"≥ {Target:P0}", ratio >= Target));
        var achieved = Spread.Of(ceilingRates.Select(r => r / ceiling));
        result.Rows.Add(new FigureRow(Figure, $"dispatch under a {ceiling}/s ceiling, {sizes.CeilingMessages:N0} texts",
            $"{Spread.Of(ceilingRates).Format("N1")} texts/s; busiest one-second window {busiestWindows.Max()}",
            $"ceiling {ceiling}/s", achieved.Median, "95–100%, no window above", achieved.Min >= 0.95 && achieved.Max <= 1.0 && busiestWindows.Max() <= ceiling));

        var use = CpuUse.Median(cpu);
        var perCommit = context.CommitMs is { } commit ? $" ({commit:F2} ms each alone)" : "";
        result.Bounds.Add(
            $"Dispatch: {use.Verdict("bound by the storage's locking, not CPU")} — while sending, {use.Describe()}, " +
            $"{use.Host("Worker") / rate.Median * 1000:F1} ms of Worker CPU per text; each text is two writes (the claim, then the record of the send){perCommit}, three reads and a call to Twilio, " +
            $"with {workers} jobs at once, and {context.Storage.WriteContention}. The baseline's empty jobs are bound by Hangfire's own bookkeeping (CPU).");
        result.Bounds.Add($"Dispatch under a ceiling: bound by the rate ceiling — a send's token comes back one second after its call ends, so the rate stays a little under {ceiling}/s.");
        return result;
    }

    /// <summary>
    /// Inserts due texts, waits until that many more have arrived at the fake; returns when they were committed and
    /// their arrival times, sorted.
    /// </summary>
    private static async Task<(long Committed, long[] Arrivals)> SendAsync(
        FakeTwilio twilio, DueMessages due, HostProcess worker, int first, int count, TimeSpan timeout)
    {
        var before = twilio.Requests;
        await due.InsertAsync(first, count);
        var committed = Stopwatch.GetTimestamp();
        while (twilio.Requests < before + count)
        {
            if (Stopwatch.GetElapsedTime(committed) > timeout || worker.HasExited)
                throw new TimeoutException(
                    $"Only {twilio.Requests - before} of {count} texts reached the fake Twilio after {Stopwatch.GetElapsedTime(committed).TotalSeconds:N0} s (Worker {worker.State}):{Environment.NewLine}{worker.RecentOutput}");
            await Task.Delay(5);
        }

        return (committed, twilio.Arrivals.Skip(before).Take(count).Order().ToArray());
    }

    /// <summary>The most arrivals in any one-second window [t, t + 1 s), t being an arrival.</summary>
    internal static int BusiestSecond(long[] sortedArrivals)
    {
        var busiest = 0;
        var end = 0;
        for (var start = 0; start < sortedArrivals.Length; start++)
        {
            while (end < sortedArrivals.Length && sortedArrivals[end] - sortedArrivals[start] < Stopwatch.Frequency)
                end++;
            busiest = Math.Max(busiest, end - start);
        }

        return busiest;
    }

    /// <summary>The Worker records every send before it is stopped (the record follows Twilio's answer by a moment).</summary>
    private static async Task CheckRecordedAsSentAsync(BenchContext context, DueMessages due, int inserted, string phase)
    {
        var waited = Stopwatch.StartNew();
        var sent = await due.SentCountAsync();
        while (sent < inserted && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
            sent = await due.SentCountAsync();
        }

        context.Checks.Require(sent == inserted, Figure, $"{phase}: the database records all {inserted:N0} texts as sent (found {sent:N0})");
    }
}

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Intake.Bench.Report;
using Perfolizer.Horology;

namespace Intake.Bench.Figures;

/// <summary>
/// Figure 2: the slot calculator in process under BenchmarkDotNet (in-process toolchain, a short job so the whole
/// suite stays within its time), time and allocations per call, and how they grow with days and bookings.
/// </summary>
internal static class SlotComputationFigure
{
    private const string Figure = "F2";

    public static FigureResult Run(BenchContext context)
    {
        var sizes = context.Sizes;
        SlotCalculatorBenchmarks.DaysToRun = sizes.ComputeDays;
        SlotCalculatorBenchmarks.BookingsToRun = sizes.ComputeBookings;
        CheckCorrectness(context, sizes.ComputeDays.Max(), sizes.ComputeBookings.Max());

        var job = context.Options.Quick
            ? Job.Dry
            : Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(Math.Max(5, sizes.Runs)).WithIterationTime(TimeInterval.FromMilliseconds(200));
        var artifacts = Path.Combine(context.Options.RawFolder, "benchmarkdotnet");
        var log = Path.Combine(context.Options.RawFolder, $"benchmarkdotnet-{context.Storage.Provider.ToLowerInvariant()}.log");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.DontLogOutput))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Brief)
            .AddLogger(new StreamLogger(log))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        BenchContext.Log($"F2: BenchmarkDotNet, {sizes.ComputeDays.Length * sizes.ComputeBookings.Length} cases (log: {Path.GetRelativePath(context.Options.RepositoryRoot, log)})");
        var summary = BenchmarkRunner.Run<SlotCalculatorBenchmarks>(config);

        var cases = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(r => (Days: (int)r.BenchmarkCase.Parameters["Days"], Bookings: (int)r.BenchmarkCase.Parameters["Bookings"]), r => r);
        var result = new FigureResult(Figure, "Slot computation in process (BenchmarkDotNet)");
        context.Checks.Require(cases.Count == sizes.ComputeDays.Length * sizes.ComputeBookings.Length, Figure,
            $"BenchmarkDotNet measured all {sizes.ComputeDays.Length * sizes.ComputeBookings.Length} cases (got {cases.Count})");
        if (cases.Count == 0)
            return result;

        result.Details.Add(Table(summary, cases, sizes));
        AddGrowth(result, cases, sizes);
        result.Bounds.Add(
            "Slot computation: bound by one core's CPU — it is pure computation on one thread; its cost is the walk over every slot of the range " +
            "(linear in days) plus sorting the bookings (n log n), and the allocations are the list of open slots it returns.");
        return result;
    }

    /// <summary>The calculator offers exactly the unbooked slots of the range (the benchmark would time a wrong answer too).</summary>
    private static void CheckCorrectness(BenchContext context, int days, int bookings)
    {
        var benchmark = new SlotCalculatorBenchmarks { Days = days, Bookings = bookings };
        benchmark.Setup();
        var open = benchmark.OpenSlots();
        context.Checks.Require(open == benchmark.ExpectedSlots, Figure,
            $"{days} days with {bookings:N0} bookings offer exactly the {benchmark.ExpectedSlots:N0} unbooked slots (got {open:N0})");
    }

    private static string Table(Summary summary, Dictionary<(int Days, int Bookings), BenchmarkReport> cases, BenchSizes sizes)
    {
        var table = new StringBuilder()
            .AppendLine("| days | bookings | time per call: median (min–max) | allocated per call |")
            .AppendLine("|---:|---:|---|---:|");
        foreach (var days in sizes.ComputeDays)
        {
            foreach (var bookings in sizes.ComputeBookings)
            {
                if (!cases.TryGetValue((days, bookings), out var report))
                    continue;
                var stats = report.ResultStatistics!;
                var spread = new Spread(stats.Median / 1000, stats.Min / 1000, stats.Max / 1000, stats.N);
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
                table.AppendLine(CultureInfo.InvariantCulture, $"| {days} | {bookings:N0} | {spread.Format("N1")} µs | {allocated / 1024.0:N1} KB |");
            }
        }

        return table.Append(CultureInfo.InvariantCulture, $"\n{summary.Reports.FirstOrDefault()?.BenchmarkCase.Job.DisplayInfo}; spread over BenchmarkDotNet's iterations.").ToString();
    }

    /// <summary>
    /// Growth in days at the middle number of bookings, and in bookings at the fewest days (where sorting the
    /// bookings weighs most): the exponent k of time ∝ size^k between the smallest and largest size.
    /// </summary>
    private static void AddGrowth(FigureResult result, Dictionary<(int Days, int Bookings), BenchmarkReport> cases, BenchSizes sizes)
    {
        var (fewDays, manyDays) = (sizes.ComputeDays.Min(), sizes.ComputeDays.Max());
        var (fewBookings, manyBookings) = (sizes.ComputeBookings.Min(), sizes.ComputeBookings.Max());
        var atBookings = sizes.ComputeBookings[sizes.ComputeBookings.Length / 2];
        var atDays = fewDays;
        if (Median(cases, fewDays, atBookings) is { } t1 && Median(cases, manyDays, atBookings) is { } t2)
        {
            var (grew, size) = (t2 / t1, (double)manyDays / fewDays);
            var exponent = Math.Log(grew) / Math.Log(size);
            result.Rows.Add(new FigureRow(Figure, $"slot computation, {fewDays}→{manyDays} days at {atBookings:N0} bookings",
                $"×{grew:N1} time for ×{size:N1} days (exponent {exponent:F2})", Target: "about linear (exponent ≤ 1.15)", Met: exponent <= 1.15));
        }

        if (Median(cases, atDays, fewBookings) is { } b1 && Median(cases, atDays, manyBookings) is { } b2)
        {
            var grew = b2 / b1;
            var nLogN = manyBookings * Math.Log(manyBookings) / (fewBookings * Math.Log(fewBookings));
            result.Rows.Add(new FigureRow(Figure, $"slot computation, {fewBookings:N0}→{manyBookings:N0} bookings at {atDays} days",
                $"×{grew:N1} time for ×{(double)manyBookings / fewBookings:N0} bookings (exponent {Math.Log(grew) / Math.Log((double)manyBookings / fewBookings):F2})",
                Target: $"≤ n log n (×{nLogN:N0})", Met: grew <= nLogN));
        }

        var typicalDays = sizes.ComputeDays.OrderBy(d => Math.Abs(d - 30)).First();
        if (Median(cases, typicalDays, atBookings) is { } typical)
        {
            var report = cases[(typicalDays, atBookings)];
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            result.Rows.Insert(0, new FigureRow(Figure, $"slot computation, {typicalDays} days, {atBookings:N0} bookings",
                $"{typical / 1000:N1} µs per call, {allocated / 1024.0:N0} KB allocated"));
        }

        BenchContext.Log($"F2: {string.Join("; ", result.Rows.Select(r => $"{r.Case}: {r.Measured}"))}");
    }

    private static double? Median(Dictionary<(int Days, int Bookings), BenchmarkReport> cases, int days, int bookings) =>
        cases.TryGetValue((days, bookings), out var report) ? report.ResultStatistics!.Median : null;
}

using Intake.Bench;
using Intake.Bench.Figures;
using Intake.Bench.Hosts;
using Intake.Bench.Report;
using Intake.Bench.Storage;

BenchOptions options;
IBenchStorage storage;
var scratch = Path.Combine(Path.GetTempPath(), "intake-bench", Guid.NewGuid().ToString("N"));
try
{
    options = BenchOptions.Parse(args);
    storage = BenchStorages.For(options, scratch);
}
catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

Directory.CreateDirectory(scratch);
Directory.CreateDirectory(options.RawFolder);
var context = new BenchContext(options, storage, new IntakeHosts(options.RepositoryRoot, scratch), scratch);
var figures = new List<FigureResult>();
var storageDescription = storage.Provider;
BenchContext.Log($"Intake benchmarks: {(options.Quick ? "quick" : "full")} run on {storage.Provider}; scratch {scratch}");

// Each figure on its own: one that breaks is a failed check, and the others still run.
async Task RunFigureAsync(string figure, Func<Task<FigureResult>> run)
{
    if (!options.Runs(figure) && !(figure == "F3" && options.Runs("F4")))
        return;
    BenchContext.Log($"{figure} ...");
    try
    {
        figures.Add(await run());
    }
    catch (Exception exception)
    {
        Console.Error.WriteLine(exception);
        context.Checks.Require(false, figure, $"the figure ran to its end ({exception.GetType().Name}: {exception.Message.Split('\n')[0]})");
    }
}

await RunFigureAsync("F2", () => Task.FromResult(SlotComputationFigure.Run(context)));
await RunFigureAsync("F1", () => SlotQueryFigure.RunAsync(context));
if (options.Runs("F3") || options.Runs("F4"))
{
    // Booking and contention share one Api and database.
    BookingSite? site = null;
    await RunFigureAsync("F3", async () =>
    {
        site = await BookingSite.StartAsync(context);
        storageDescription = await storage.DescribeAsync(site.Database);
        return options.Runs("F3") ? await BookingFigure.RunAsync(context, site) : new FigureResult("F3", "Booking (not run)");
    });
    if (site is not null)
    {
        await RunFigureAsync("F4", () => ContentionFigure.RunAsync(context, site));
        context.RecordPeak(site.Api.Process, "F3–F4 booking and contention");
        site.Dispose();
    }
}

await RunFigureAsync("F5", () => DispatchFigure.RunAsync(context));
await RunFigureAsync("F7", () => BookingPageFigure.RunAsync(context));
await RunFigureAsync("F6", () => Task.FromResult(MemoryFigure.From(context)));
figures.Sort((a, b) => string.CompareOrdinal(a.Figure, b.Figure));

var section = MarkdownReport.Render(context, figures, storageDescription, BenchContext.Elapsed);
// A full run that failed a check does not replace the committed numbers.
var report = context.Checks.AllPassed || options.Quick
    ? options.ReportPath
    : Path.Combine(options.RawFolder, $"failed-{storage.Provider.ToLowerInvariant()}.md");
BenchmarksFile.WriteSection(report, storage.Provider, section);
Console.WriteLine();
Console.WriteLine(section);
BenchContext.Log($"Wrote {Path.GetRelativePath(options.RepositoryRoot, report)}");

try
{
    Directory.Delete(scratch, recursive: true);
}
catch (IOException)
{
    // A host still closing its files; the folder is under the system's temp.
}

var failed = context.Checks.Results.Count(c => !c.Passed);
Console.WriteLine(failed == 0 ? $"All {context.Checks.Results.Count} correctness checks passed." : $"{failed} correctness check(s) FAILED.");
return failed == 0 ? 0 : 1;

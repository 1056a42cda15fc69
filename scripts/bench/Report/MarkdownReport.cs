using System.Globalization;
using System.Text;
using Intake.Bench.Figures;

namespace Intake.Bench.Report;

/// <summary>One provider's section of docs/benchmarks.md: when and where, the table, what bounds each figure, the detail and the checks.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchContext context, IReadOnlyList<FigureResult> figures, string storage, TimeSpan took)
    {
        var options = context.Options;
        var md = new StringBuilder();
        var now = TimeProvider.System.GetUtcNow();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {options.Provider}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Measured {now:yyyy-MM-dd HH:mm} UTC by `scripts/bench.sh{(options.Quick ? " --quick" : "")} --provider {options.Provider}`: " +
                $"{(options.Quick ? "quick mode, tiny sizes, one run, times not judged" : $"{context.Sizes.Runs} runs per figure")}; the whole run took {took.TotalMinutes:F1} min.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Machine: {MachineInfo.Describe()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Storage: {storage}; jobs: {context.Storage.JobStorage}")
            .AppendLine()
            .AppendLine("| fig. | case | measured: median (min–max) | baseline: median (min–max) | ratio | target | met |")
            .AppendLine("|---|---|---|---|---:|---|---|");
        foreach (var row in figures.SelectMany(f => f.Rows))
        {
            var ratio = row.Ratio is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—";
            var met = row.Met switch { true => "yes", false => "**no**", null => "—" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Case} | {row.Measured} | {row.Baseline} | {ratio} | {row.Target} | {(options.Quick && row.Ratio is not null ? "(not judged)" : met)} |");
        }

        md.AppendLine().AppendLine("What bounds each figure:").AppendLine();
        foreach (var bound in figures.SelectMany(f => f.Bounds.Select(b => (f.Figure, Text: b))))
            md.AppendLine(CultureInfo.InvariantCulture, $"- {bound.Figure}. {bound.Text}");

        foreach (var figure in figures.Where(f => f.Details.Count > 0))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {figure.Figure}. {figure.Title}").AppendLine();
            foreach (var detail in figure.Details)
                md.AppendLine(detail);
        }

        var checks = context.Checks.Results;
        md.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"### Correctness checks: {checks.Count(c => c.Passed)} of {checks.Count} passed")
            .AppendLine();
        foreach (var check in checks)
            md.AppendLine(CultureInfo.InvariantCulture, $"- {(check.Passed ? "passed" : "**FAILED**")}: {check.Figure}: {check.What}");
        return md.ToString();
    }
}

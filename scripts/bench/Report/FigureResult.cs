namespace Intake.Bench.Report;

/// <summary>One line of the summary table: a figure's case, what it measured, its baseline and the target ratio.</summary>
internal sealed record FigureRow(string Figure, string Case, string Measured, string Baseline = "—", double? Ratio = null, string Target = "—", bool? Met = null);

/// <summary>What one figure contributes to the report: table rows, the sentence naming what bounds it, and any detail.</summary>
internal sealed class FigureResult(string figure, string title)
{
    public string Figure { get; } = figure;

    public string Title { get; } = title;

    public List<FigureRow> Rows { get; } = [];

    /// <summary>One sentence per figure: what bounds it, with the measurement that says so.</summary>
    public List<string> Bounds { get; } = [];

    /// <summary>Markdown placed under the figure's heading (a table, a note on a missed target).</summary>
    public List<string> Details { get; } = [];
}

namespace Intake.Bench.Report;

/// <summary>
/// The correctness checks every run makes, quick or full: what must hold whatever the timing (exactly one booking
/// wins a contested slot, every due message arrives once ...). Any failure makes the run exit non-zero.
/// </summary>
internal sealed class Checks
{
    private readonly List<(string Figure, string What, bool Passed)> _results = [];

    public IReadOnlyList<(string Figure, string What, bool Passed)> Results => _results;

    public bool AllPassed => _results.All(r => r.Passed);

    public bool Require(bool condition, string figure, string what)
    {
        _results.Add((figure, what, condition));
        Console.WriteLine($"  check {(condition ? "passed" : "FAILED")}: {figure}: {what}");
        return condition;
    }
}

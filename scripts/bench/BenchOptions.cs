namespace Intake.Bench;

/// <summary>
/// The command line: <c>[--quick] [--provider Sqlite|PostgreSql] [--connection "..."] [--report path]</c>.
/// A full run replaces its provider's section of docs/benchmarks.md; a quick run writes under docs/benchmarks.raw/
/// so a smoke test never overwrites measured numbers; so does a run of some figures only (--only, for working on one).
/// </summary>
internal sealed record BenchOptions(bool Quick, string Provider, string? Connection, string RepositoryRoot, string ReportPath, IReadOnlySet<string> Only)
{
    /// <summary>
    /// The sizes for this run. On PostgreSQL a full dispatch run sends 2,000 texts, not 10,000: Hangfire.PostgreSql
    /// runs some 60–75 jobs a second here, and three runs of 10,000 and their empty-job baselines would take the
    /// whole suite past its ten minutes.
    /// </summary>
    public BenchSizes Sizes => Quick
        ? BenchSizes.QuickSizes
        : Provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) ? BenchSizes.Full with { DueMessages = 2_000 } : BenchSizes.Full;

    /// <summary>Whether this run measures the figure (all of them unless --only names some).</summary>
    public bool Runs(string figure) => Only.Count == 0 || Only.Contains(figure);

    /// <summary>Logs, per-run numbers and BenchmarkDotNet's exports; not committed.</summary>
    public string RawFolder => Path.Combine(RepositoryRoot, "docs", "benchmarks.raw");

    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        var provider = "Sqlite";
        string? connection = null;
        string? report = null;
        string? root = null;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--provider":
                    provider = Value(args, ref i);
                    break;
                case "--connection":
                    connection = Value(args, ref i);
                    break;
                case "--report":
                    report = Value(args, ref i);
                    break;
                case "--only":
                    only.UnionWith(Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--repo":
                    root = Value(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}. Usage: [--quick] [--provider Sqlite|PostgreSql] [--connection \"...\"] [--report path] [--only F1,F5]");
            }
        }

        root = Path.GetFullPath(root ?? FindRepositoryRoot());
        report ??= quick || only.Count > 0
            ? Path.Combine(root, "docs", "benchmarks.raw", $"{(quick ? "quick" : "partial")}-{provider.ToLowerInvariant()}.md")
            : Path.Combine(root, "docs", "benchmarks.md");
        return new BenchOptions(quick, provider, connection, root, Path.GetFullPath(report), only);
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Intake.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Intake.sln not found above the benchmark's binaries; pass --repo.");
    }
}

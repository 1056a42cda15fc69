using System.Text;

namespace Intake.Bench.Report;

/// <summary>
/// docs/benchmarks.md holds a written part (how to read it, what was found) and one generated section per
/// provider between markers. A run replaces only its own provider's section, so SQLite and PostgreSQL runs
/// made on different days sit side by side, and the written part is never touched.
/// </summary>
internal static class BenchmarksFile
{
    private const string Header = """
        # Benchmarks

        Written by `scripts/bench.sh [--quick] [--provider Sqlite|PostgreSql] [--connection "..."]`. Each run
        replaces its own provider's section below, between the `bench:` markers; text outside them is kept.
        Every figure is the median over its runs with the range in brackets, next to a baseline measured in the
        same run on the same machine: on a shared 2-core machine the absolute numbers are noise, the ratios are
        the figures.

        """;

    public static void WriteSection(string path, string provider, string section)
    {
        var begin = $"<!-- bench:{provider} begin -->";
        var end = $"<!-- bench:{provider} end -->";
        var block = $"{begin}\n{section.TrimEnd()}\n{end}\n";
        var text = File.Exists(path) ? File.ReadAllText(path) : Header;
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from >= 0 && to > from)
        {
            var rest = text[(to + end.Length)..].TrimStart('\n');
            text = text[..from] + block + (rest.Length > 0 ? "\n" + rest : "");
        }
        else
        {
            text = text.TrimEnd() + "\n\n" + block;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}

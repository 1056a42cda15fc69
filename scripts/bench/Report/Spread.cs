using System.Globalization;

namespace Intake.Bench.Report;

/// <summary>A figure over several runs: its median and the range it moved in.</summary>
internal readonly record struct Spread(double Median, double Min, double Max, int Runs)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            throw new ArgumentException("A spread needs at least one value.", nameof(values));
        return new Spread(MedianOf(sorted), sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"412 (398–430)" with one run just "412"; <paramref name="format"/> as for <see cref="double.ToString(string)"/>.</summary>
    public string Format(string format = "N0") =>
        Runs == 1
            ? Median.ToString(format, CultureInfo.InvariantCulture)
            : $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})";

    private static double MedianOf(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

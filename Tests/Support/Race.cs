namespace Intake.Tests.Support;

/// <summary>Two sides of a race sent at the same moment, and the line a race test prints of who won how often.</summary>
internal static class Race
{
    public static async Task<(T First, T Second)> BothAsync<T>(Func<Task<T>> first, Func<Task<T>> second)
    {
        var one = Task.Run(first);
        var two = Task.Run(second);
        await Task.WhenAll(one, two);
        return (await one, await two);
    }

    public static void Report(IReadOnlyDictionary<string, int> won, int rounds, string note = "") =>
        TestContext.Progress.WriteLine($"{TestContext.CurrentContext.Test.Name} on {TestDatabase.Provider}: "
            + string.Join(", ", won.Select(w => $"{w.Key} won {w.Value}")) + $" of {rounds}{note}");
}

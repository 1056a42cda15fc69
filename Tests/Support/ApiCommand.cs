using System.Diagnostics;

namespace Intake.Tests.Support;

/// <summary>The real Api run as an operator's command (`dotnet Intake.Api.dll add-therapist ...`), to its exit.</summary>
internal static class ApiCommand
{
    public static string ApiDll => Path.Combine(TestPaths.RepositoryRoot, "Api", "bin", TestPaths.Configuration, "net10.0", "Intake.Api.dll");

    /// <summary>Runs the command in <paramref name="workingDirectory"/> with these environment variables; its exit code and all it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Process.Start(HostProcess.StartInfo(ApiDll, args, workingDirectory, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }
}

namespace Intake.Tests.Support;

internal static class TestPaths
{
    /// <summary>The repository root: the folder that holds Intake.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Debug or Release, whichever built this test assembly; the hosts were built the same way.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string WorkerDll => Path.Combine(RepositoryRoot, "Worker", "bin", Configuration, "net10.0", "Intake.Worker.dll");

    /// <summary>A fresh folder for one test's database and outbox, removed by the caller.</summary>
    public static string NewScratchFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "intake-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Intake.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Intake.sln not found above the test binaries.");
    }
}

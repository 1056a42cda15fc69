using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Api;

/// <summary>`Intake.Api.dll migrate` (scripts/migrate.sh), run as a separate process to its exit.</summary>
[Category("EndToEnd")]
public class MigrateCommandTests
{
    [Test]
    public async Task Migrate_AppliesTheMigrationsSeedsTheTherapistsAndExits()
    {
        using var database = new TestDatabase();
        var environment = database.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["Storage__MigrateOnStart"] = "false";

        var (code, output) = await ApiCommand.RunAsync(database.Folder, environment, "migrate");
        var again = await ApiCommand.RunAsync(database.Folder, environment, "migrate");

        await using var db = database.Open();
        Assert.Multiple(async () =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain($"The {TestDatabase.Provider} database is up to date."));
            Assert.That(again.ExitCode, Is.Zero, "running it again changes nothing");
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(await db.Therapists.Select(t => t.Id).ToListAsync(), Is.EqualTo(new[] { "t1" }));
        });
    }
}

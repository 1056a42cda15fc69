using Intake.Tests.Support;

namespace Intake.Tests;

/// <summary>Once per test run: removes what the run left on a database server.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void DropServerTemplate()
    {
        if (TestDatabase.IsShared)
            ServerDatabases.DropTemplate();
    }
}

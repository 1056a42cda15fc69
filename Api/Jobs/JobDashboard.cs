using Hangfire;
using Hangfire.Dashboard;
using Intake.Api.Accounts;
using Intake.Api.Therapists;

namespace Intake.Api.Jobs;

/// <summary>
/// Hangfire's dashboard at /hangfire, where the job storage is shared (PostgreSQL, SQL Server): only for signed-in
/// therapists, read-only unless the account is an administrator (scripts/add-therapist.sh --admin). The Api runs no
/// Hangfire server; with SQLite the jobs live in the Worker's memory and there is nothing here to show.
/// </summary>
public static class JobDashboard
{
    public const string Path = "/hangfire";

    public static IEndpointRouteBuilder MapJobDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            // The endpoint's authorization policy decides who may look; Hangfire's own filter would allow only localhost.
            Authorization = [],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsAdmin(),
            DisplayStorageConnectionString = false,
            AppPath = null,
        }).RequireAuthorization(AccountEndpoints.TherapistPolicy);
        return app;
    }
}

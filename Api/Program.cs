using Intake.Api;
using Intake.Api.Accounts;
using Intake.Api.Availability;
using Intake.Api.Bench;
using Intake.Api.Consultations;
using Intake.Api.Data;
using Intake.Api.Health;
using Intake.Api.Jobs;
using Intake.Api.Manage;
using Intake.Api.Pages;
using Intake.Api.Therapists;
using Intake.Domain;
using Intake.Domain.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddIntakeSettings();
builder.Services.AddIntakeDomain(builder.Configuration);
builder.Services.AddIntakeApi(builder.Configuration);
builder.Services.AddTherapistAccounts(builder.Configuration);
builder.Services.AddIntakePages(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
    builder.Configuration.GetValue("Api:MaxRequestBodyBytes", ApiServices.DefaultMaxRequestBodyBytes));

var app = builder.Build();
if (MigrateCommand.IsRequested(args))
{
    Environment.ExitCode = await MigrateCommand.RunAsync(app.Services, Console.Out);
    return;
}

var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
if (storage.MigrateOnStart)
    await DatabaseMigrator.MigrateAsync(app.Services);

// An operator's command (scripts/add-therapist.sh) on the same configuration and database, instead of the web server.
if (AddTherapistCommand.IsRequested(args))
{
    Environment.ExitCode = await AddTherapistCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
    return;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseIntakePages();
app.UseConsoleHttpsOnly();
// Routing after the static files: otherwise /manage/manage.js would be matched as a manage link first.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseSignedInForgeryCheck();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
    app.MapScalarApiReference();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });
app.MapConsultations();
app.MapSlots();
app.MapAccounts();
app.MapTherapists();
app.MapManage();
app.MapTwilioWebhooks();
app.MapIntakePages();
if (storage.SharesJobs)
    app.MapJobDashboard();
if (app.Configuration.GetValue<bool>("Bench:Baselines"))
    app.MapBenchBaselines();

await app.RunAsync();

using Intake.Domain;
using Intake.Domain.Data;
using Hangfire;
using Intake.Worker.Agenda;
using Intake.Worker.Expiry;
using Intake.Worker.Senders;
using Microsoft.Extensions.Options;

namespace Intake.Worker;

public static class WorkerServices
{
    /// <summary>The Hangfire server, the due-message scanner, and a sender per channel chosen by configuration.</summary>
    public static IServiceCollection AddIntakeWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediatorHandlersFrom(typeof(WorkerServices).Assembly);
        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection(DispatchOptions.Section));
        services.AddOptions<RecurringJobOptions>().Bind(configuration.GetSection(RecurringJobOptions.Section));
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxFileSender>();

        var twilio = configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        if (twilio.IsConfigured)
            services.AddSingleton<ISmsSender, TwilioSmsSender>();
        else
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<OutboxFileSender>());

        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (smtp.IsConfigured)
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<OutboxFileSender>());

        services.AddIntakeJobStorage();
        services.AddHangfireServer(server => server.WorkerCount = configuration.GetValue("Dispatch:Workers", 10));

        // One limiter per channel for the whole process, shared by every dispatch job (see SendRateLimiter).
        services.AddSingleton(sp => SendRateLimits.From(
            sp.GetRequiredService<IOptions<DispatchOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddScoped<DispatchMessageJob>();
        services.AddHostedService<DueMessageScanner>();

        services.AddScoped<ExpiryJob>();
        services.AddScoped<DailyAgendaJob>();
        return services;
    }

    /// <summary>Registers the recurring jobs; with a shared storage they run once per schedule however many Workers run.</summary>
    public static void ScheduleRecurringJobs(IServiceProvider services)
    {
        var schedules = services.GetRequiredService<IOptions<RecurringJobOptions>>().Value;
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<ExpiryJob>(ExpiryJob.Id, job => job.RunAsync(CancellationToken.None), schedules.ExpirySchedule);
        recurring.AddOrUpdate<DailyAgendaJob>(DailyAgendaJob.Id, job => job.RunAsync(CancellationToken.None), schedules.AgendaSchedule);
    }
}

using Intake.Domain;
using Intake.Domain.Data;
using Hangfire;
using Intake.Worker.Agenda;
using Intake.Worker.Expiry;
using Intake.Worker.Senders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Intake.Worker;

public static class WorkerServices
{
    /// <summary>The Hangfire server, the due-message scanner, and a sender per channel chosen by configuration.</summary>
    public static IServiceCollection AddIntakeWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediatorHandlersFrom(typeof(WorkerServices).Assembly);
        // Every section is checked when the host starts: settings that cannot work stop it, naming the keys.
        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection(DispatchOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidation>();
        services.AddOptions<RecurringJobOptions>().Bind(configuration.GetSection(RecurringJobOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecurringJobOptions>, RecurringJobOptionsValidation>();
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidation>();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidation>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidation>();
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
        services.AddHangfireServer(server => server.WorkerCount = configuration.GetValue("Dispatch:Workers", new DispatchOptions().Workers));

        // One limiter per channel for the whole process, shared by every dispatch job (see SendRateLimiter).
        services.TryAddSingleton(TimeProvider.System);
        // The send ceiling: in this process on SQLite (one Worker), in the database when Workers share it (ADR 009).
        services.AddSingleton<SharedSendCeiling>();
        services.AddSingleton(sp => SendRateLimits.From(
            sp.GetRequiredService<IOptions<DispatchOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.SharesJobs ? sp.GetRequiredService<SharedSendCeiling>() : null));
        services.AddSingleton<ClaimHeartbeat>();
        services.AddScoped<MessageClaims>();
        services.AddScoped<DecideWhetherToSend>();
        services.AddScoped<SendMessage>();
        services.AddScoped<RecordOutcome>();
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

using System.Reflection;
using FluentValidation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.AlertLinks;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Data.Providers;
using Intake.Domain.Mediation;
using Intake.Domain.Messages.Reminders;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain;

public static class DomainServices
{
    /// <summary>The domain as both hosts use it: options, clock, database, mediator, handlers and validators.</summary>
    public static IServiceCollection AddIntakeDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PracticeOptions>().Bind(configuration.GetSection(PracticeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PracticeOptions>, PracticeOptionsValidation>();
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidation>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => Enum.IsDefined(o.Provider), "Storage:Provider must be Sqlite, PostgreSql or SqlServer.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Storage:ConnectionString is required.")
            .ValidateOnStart();
        services.TryAddSingleton<IClock>(SystemClock.Instance);

        services.AddScoped<ISaveChangesInterceptor, DispatchDomainEventsInterceptor>();
        services.AddIntakeDbContext();

        services.AddDataProtection().SetApplicationName("Intake").PersistKeysToDbContext<IntakeDbContext>();
        services.AddSingleton(sp => new ManageLinks(sp.GetRequiredService<IDataProtectionProvider>(), configuration["Links:ManageUrl"]));
        services.AddSingleton(sp => new AlertLinks(sp.GetRequiredService<IDataProtectionProvider>(), configuration["Links:ConsoleUrl"]));
        services.AddSingleton(new ShortLinks(configuration["Links:ShortUrl"]));
        services.AddScoped<ConsultationChanges>();
        AddMediator(services);
        services.AddMediatorHandlersFrom(typeof(DomainServices).Assembly);
        return services;
    }

    /// <summary>
    /// MediatR 5 has no container integration of its own (see docs/decisions/001): the mediator resolves
    /// handlers, behaviours and validators from the request's scope.
    /// </summary>
    private static void AddMediator(IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
    }

    /// <summary>Registers the request handlers, notification handlers and validators an assembly defines.</summary>
    public static IServiceCollection AddMediatorHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        Type[] open = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)];
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces()
                .Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}

using Intake.Domain.Accounts;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Data;

/// <summary>
/// The one database: consultations, messages, therapists, their sign-ins (Identity) and the Data Protection keys.
/// Each provider has its own subclass (Data/Providers), so each keeps its own migrations; code depends on this one.
/// </summary>
public abstract class IntakeDbContext(DbContextOptions options)
    : IdentityDbContext<TherapistAccount>(options), IDataProtectionKeyContext
{
    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();

    public DbSet<OutboundMessage> Messages => Set<OutboundMessage>();

    public DbSet<Therapist> Therapists => Set<Therapist>();

    public DbSet<SlotHold> SlotHolds => Set<SlotHold>();

    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();

    /// <summary>Keys that protect manage links and sign-in tokens, shared by every Api and Worker process.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
        builder.Entity<TherapistAccount>(account =>
        {
            account.Property(a => a.TherapistId).HasMaxLength(64);
            account.HasOne<Therapist>().WithMany().HasForeignKey(a => a.TherapistId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<ConsultationRequestId>().HaveConversion<ConsultationRequestIdConverter>();
        configurationBuilder.Properties<MessageId>().HaveConversion<MessageIdConverter>();
        configurationBuilder.Properties<ConsultationStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CancelledBy>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<MessageKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<MessageStatus>().HaveConversion<string>().HaveMaxLength(10);
    }
}

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

    /// <summary>Each change to each request: what, by whom, when (see <see cref="ConsultationRequest.History"/>).</summary>
    public DbSet<ConsultationChange> ConsultationChanges => Set<ConsultationChange>();

    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();

    /// <summary>Keys that protect manage links and sign-in tokens, shared by every Api and Worker process.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves as EF Core does, but a change that lost its race to another shows as <see cref="DbUpdateConcurrencyException"/>
    /// whichever statement met the other change first: EF Core orders the commands by table, so a change's entry in
    /// ConsultationChanges, under the version both sides gave the request, may be inserted before the request's own
    /// guarded UPDATE runs, and meet the winner's entry as a duplicate key (docs/decisions/011). A duplicate key is taken
    /// for a race lost only when a request this save changes is no longer at the version it read; otherwise (a time
    /// another request holds) it is thrown as it is.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException
            && Database.CurrentTransaction is null
            && UniqueViolation.Caused(exception))
        {
            if (!await ChangedMeanwhileAsync(cancellationToken))
                throw;
            throw new DbUpdateConcurrencyException(
                "Another change to the request was saved after it was read; nothing of this one was written.", exception);
        }
    }

    /// <summary>True when a request this save changes is no longer at the version it read (or is gone).</summary>
    private async Task<bool> ChangedMeanwhileAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in ChangeTracker.Entries<ConsultationRequest>().Where(e => e.State == EntityState.Modified).ToList())
        {
            var id = entry.Entity.Id;
            var read = entry.Property(r => r.Version).OriginalValue;
            var stored = await ConsultationRequests.AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.Version)
                .SingleOrDefaultAsync(cancellationToken);
            if (stored != read)
                return true;
        }

        return false;
    }

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
        configurationBuilder.Properties<ConsultationChangeKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ChangedBy>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<MessageKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<MessageStatus>().HaveConversion<string>().HaveMaxLength(10);
    }
}

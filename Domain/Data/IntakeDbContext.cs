using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();

    public DbSet<OutboundMessage> Messages => Set<OutboundMessage>();

    public DbSet<Therapist> Therapists => Set<Therapist>();

    public DbSet<SlotHold> SlotHolds => Set<SlotHold>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type: ticks since the Unix epoch keep order and comparisons in SQL exact.
        configurationBuilder.Properties<Instant>().HaveConversion<InstantToTicksConverter>();
        configurationBuilder.Properties<ConsultationRequestId>().HaveConversion<ConsultationRequestIdConverter>();
        configurationBuilder.Properties<MessageId>().HaveConversion<MessageIdConverter>();
        configurationBuilder.Properties<ConsultationStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CancelledBy>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<MessageKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<MessageStatus>().HaveConversion<string>().HaveMaxLength(10);
    }
}

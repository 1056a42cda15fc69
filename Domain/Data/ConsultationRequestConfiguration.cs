using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Intake.Domain.Data;

internal sealed class ConsultationRequestConfiguration : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> builder)
    {
        builder.ToTable("ConsultationRequests");
        builder.HasKey(r => r.Id);
        builder.Ignore(r => r.Events);
        builder.Property(r => r.Message).HasMaxLength(2_000);
        builder.ComplexProperty(r => r.Prospect, prospect =>
        {
            prospect.Property(p => p.Name).HasMaxLength(100);
            prospect.Property(p => p.Phone).HasMaxLength(20);
            prospect.Property(p => p.Email).HasMaxLength(254);
            prospect.Property(p => p.TimeZone)
                .HasConversion(zone => zone.Id, id => DateTimeZoneProviders.Tzdb[id])
                .HasMaxLength(64);
        });
        builder.Ignore(r => r.Slot);
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.DeclineNote).HasMaxLength(500);
        builder.Ignore(r => r.ProposedSlots);
        builder.Property<List<Slot>>("_proposedSlots")
            .HasColumnName("ProposedSlots")
            .HasConversion(new ProposedSlotsConverter(), new ProposedSlotsComparer())
            .HasMaxLength(2_000);
        builder.Property(r => r.TherapistId).HasMaxLength(64);
        // Optimistic concurrency on every provider: each change moves Version on, and an UPDATE is written only
        // WHERE Version is still the one read (docs/decisions/011).
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Therapist>().WithMany().HasForeignKey(r => r.TherapistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Holds).WithOne().HasForeignKey(h => h.HeldBy).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Holds).UsePropertyAccessMode(PropertyAccessMode.Field);
        // An ordinary one-to-many, read only when asked for: a change adds its entry to the tracked request's
        // collection, and the save inserts it in the change's own transaction.
        builder.HasMany(r => r.History).WithOne().HasForeignKey(c => c.ConsultationRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => r.SubmittedAt);
        builder.Property(r => r.ShortCode).HasMaxLength(ShortLinks.CodeLength);
        builder.HasIndex(r => r.ShortCode).IsUnique();
        // The expiry job's second question: which open proposals have lapsed.
        builder.HasIndex(r => new { r.Status, r.ProposalExpiresAt });
        // The therapist's inbox and the slot query: a therapist's requests by status and time.
        builder.HasIndex(r => new { r.TherapistId, r.Status, r.SlotStart });
        // The inbox's past requests: a therapist's, latest closed first, one page at a time.
        builder.HasIndex(r => new { r.TherapistId, r.ClosedAt });
    }
}

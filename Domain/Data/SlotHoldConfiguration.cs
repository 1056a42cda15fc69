using Intake.Domain.Consultations;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Domain.Data;

internal sealed class SlotHoldConfiguration : IEntityTypeConfiguration<SlotHold>
{
    public void Configure(EntityTypeBuilder<SlotHold> builder)
    {
        builder.ToTable("SlotHolds");
        // The no-double-booking constraint: one holder per therapist-minute, on every database.
        builder.HasKey(h => new { h.TherapistId, h.Minute });
        builder.Property(h => h.TherapistId).HasMaxLength(64);
        builder.HasOne<Therapist>().WithMany().HasForeignKey(h => h.TherapistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => h.HeldBy);
    }
}

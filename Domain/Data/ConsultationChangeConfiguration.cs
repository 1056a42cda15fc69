using Intake.Domain.Consultations;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Domain.Data;

internal sealed class ConsultationChangeConfiguration : IEntityTypeConfiguration<ConsultationChange>
{
    public void Configure(EntityTypeBuilder<ConsultationChange> builder)
    {
        builder.ToTable("ConsultationChanges");
        // One entry per version of a request: of two changes that raced, only the one whose version was written has one.
        builder.HasKey(c => new { c.ConsultationRequestId, c.Version });
        builder.Property(c => c.TherapistId).HasMaxLength(64);
        builder.HasOne<Therapist>().WithMany().HasForeignKey(c => c.TherapistId).OnDelete(DeleteBehavior.Restrict);
    }
}

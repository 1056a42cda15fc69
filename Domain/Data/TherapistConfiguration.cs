using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Domain.Data;

internal sealed class TherapistConfiguration : IEntityTypeConfiguration<Therapist>
{
    public void Configure(EntityTypeBuilder<Therapist> builder)
    {
        builder.ToTable("Therapists");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Email).HasMaxLength(254);
        builder.Property(t => t.Phone).HasMaxLength(40);
        builder.Property(t => t.TimeZoneId).HasMaxLength(64);
        builder.Property(t => t.WeeklyHours).HasMaxLength(4_000);
        builder.Property(t => t.DateOverrides).HasMaxLength(64_000);
        builder.Ignore(t => t.TimeZone);
    }
}

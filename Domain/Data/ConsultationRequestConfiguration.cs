using Intake.Domain.Consultations;
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
        builder.HasIndex(r => r.SubmittedAt);
    }
}

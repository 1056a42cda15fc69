using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Domain.Data;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("Messages");
        builder.HasKey(m => m.Id);
        builder.HasOne<ConsultationRequest>().WithMany().HasForeignKey(m => m.ConsultationRequestId);
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4_000);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(200);
        builder.Property(m => m.CalendarInvite).HasMaxLength(8_000);
        builder.Property(m => m.DeliveryStatus).HasMaxLength(20);
        // Status callbacks find their message by the provider's id.
        builder.HasIndex(m => m.ProviderMessageId);
        // The dispatcher's scan: what is due, and what a dead job left claimed.
        builder.HasIndex(m => new { m.Status, m.DueAt });
        // What the scans have handed to jobs that have not claimed it yet.
        builder.HasIndex(m => m.QueuedUntil);
    }
}

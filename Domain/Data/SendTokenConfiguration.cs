using Intake.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Domain.Data;

internal sealed class SendTokenConfiguration : IEntityTypeConfiguration<SendToken>
{
    public void Configure(EntityTypeBuilder<SendToken> builder)
    {
        builder.ToTable("SendTokens");
        builder.HasKey(t => new { t.Channel, t.Slot });
        builder.Property(t => t.Slot).ValueGeneratedNever();
    }
}

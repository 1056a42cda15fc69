using Intake.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Domain.Data;

internal sealed class SmsOptOutConfiguration : IEntityTypeConfiguration<SmsOptOut>
{
    public void Configure(EntityTypeBuilder<SmsOptOut> builder)
    {
        builder.ToTable("SmsOptOuts");
        builder.HasKey(o => o.Phone);
        builder.Property(o => o.Phone).HasMaxLength(20);
    }
}

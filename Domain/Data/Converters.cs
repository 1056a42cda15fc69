using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Intake.Domain.Data;

internal sealed class InstantToTicksConverter() : ValueConverter<Instant, long>(
    instant => instant.ToUnixTimeTicks(),
    ticks => Instant.FromUnixTimeTicks(ticks));

internal sealed class ConsultationRequestIdConverter() : ValueConverter<ConsultationRequestId, Guid>(
    id => id.Value,
    value => new ConsultationRequestId(value));

internal sealed class MessageIdConverter() : ValueConverter<MessageId, Guid>(
    id => id.Value,
    value => new MessageId(value));

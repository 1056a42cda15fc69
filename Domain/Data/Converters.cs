using System.Text.Json;
using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Intake.Domain.Data;

internal sealed class InstantToTicksConverter() : ValueConverter<Instant, long>(
    instant => instant.ToUnixTimeTicks(),
    ticks => Instant.FromUnixTimeTicks(ticks));

internal sealed class InstantToUtcDateTimeConverter() : ValueConverter<Instant, DateTime>(
    instant => instant.ToDateTimeUtc(),
    dateTime => Instant.FromDateTimeUtc(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)));

internal sealed class ConsultationRequestIdConverter() : ValueConverter<ConsultationRequestId, Guid>(
    id => id.Value,
    value => new ConsultationRequestId(value));

internal sealed class MessageIdConverter() : ValueConverter<MessageId, Guid>(
    id => id.Value,
    value => new MessageId(value));

/// <summary>Proposed times as a small JSON array of Unix ticks: they are only ever read back with their request.</summary>
internal sealed class ProposedSlotsConverter() : ValueConverter<List<Slot>, string>(
    slots => JsonSerializer.Serialize(slots.Select(s => new StoredSlot(s.TherapistId, s.Start.ToUnixTimeTicks(), s.End.ToUnixTimeTicks())), (JsonSerializerOptions?)null),
    json => (JsonSerializer.Deserialize<List<StoredSlot>>(json, (JsonSerializerOptions?)null) ?? new List<StoredSlot>())
        .Select(s => new Slot(s.TherapistId, Instant.FromUnixTimeTicks(s.Start), Instant.FromUnixTimeTicks(s.End)))
        .ToList());

internal sealed class ProposedSlotsComparer() : ValueComparer<List<Slot>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    slots => slots.Aggregate(0, (hash, slot) => HashCode.Combine(hash, slot)),
    slots => slots.ToList());

internal sealed record StoredSlot(string TherapistId, long Start, long End);

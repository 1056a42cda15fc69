using System.Data.Common;
using System.Text;
using Intake.Domain.Consultations.ManageLinks;

namespace Intake.Bench.Storage;

/// <summary>
/// The booking baseline: the rows one booking writes (its request, its slot holds, its messages), captured from a
/// booking the Api made and written again by raw ADO.NET in one transaction, with nothing of Intake around it.
/// Column names and values come from the captured rows, so the same code follows the schema on any engine; copy n
/// gets new keys (and its own short manage code) and is moved n slots past a point 400 days ahead, where the Api
/// never books.
/// </summary>
internal sealed class RawBookingInsert
{
    private const long FirstCopyMinutes = 400L * 24 * 60;

    private readonly IBenchStorage _storage;
    private readonly Row _request;
    private readonly Row[] _holds;
    private readonly Row[] _messages;

    private RawBookingInsert(IBenchStorage storage, Row request, Row[] holds, Row[] messages)
    {
        _storage = storage;
        _request = request;
        _holds = holds;
        _messages = messages;
    }

    public int HoldCount => _holds.Length;

    public int MessageCount => _messages.Length;

    public static async Task<RawBookingInsert> CaptureAsync(IBenchStorage storage, DbConnection connection, Guid requestId)
    {
        var key = storage.Key(requestId);
        var requests = await ReadAsync(connection, """SELECT * FROM "ConsultationRequests" WHERE "Id" = @id""", key);
        var holds = await ReadAsync(connection, """SELECT * FROM "SlotHolds" WHERE "HeldBy" = @id ORDER BY "Minute" """, key);
        var messages = await ReadAsync(connection, """SELECT * FROM "Messages" WHERE "ConsultationRequestId" = @id""", key);
        if (requests.Length != 1 || holds.Length == 0 || messages.Length == 0)
            throw new InvalidOperationException($"Booking {requestId} was not stored as expected: {requests.Length} request, {holds.Length} holds, {messages.Length} messages.");
        return new RawBookingInsert(storage, requests[0], holds, messages);
    }

    /// <summary>A prepared insert on one connection (one per concurrent writer).</summary>
    public async Task<Writer> CreateWriterAsync(DbConnection connection)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder();
        Append(sql, command, "ConsultationRequests", "r", [_request]);
        Append(sql, command, "SlotHolds", "h", _holds);
        Append(sql, command, "Messages", "m", _messages);
        command.CommandText = sql.ToString();
        await command.PrepareAsync();
        return new Writer(this, connection, command);
    }

    private object?[] ValuesOf(Row row, string table, long copy, Guid request)
    {
        var minutes = FirstCopyMinutes + copy * _holds.Length;
        var values = new object?[row.Columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (table, row.Columns[i]) switch
            {
                ("ConsultationRequests", "Id") or ("SlotHolds", "HeldBy") or ("Messages", "ConsultationRequestId") => _storage.Key(request),
                ("Messages", "Id") => _storage.Key(Guid.CreateVersion7()),
                // Each request has its own short manage code (a unique index), as the Api would give it.
                ("ConsultationRequests", "ShortCode") => ShortLinks.NewCode(),
                ("ConsultationRequests", "SlotStart" or "SlotEnd") => ShiftTime(row.Values[i], minutes),
                ("SlotHolds", "Minute") => Convert.ToInt64(row.Values[i], System.Globalization.CultureInfo.InvariantCulture) + minutes,
                _ => row.Values[i],
            };
        }

        return values;
    }

    /// <summary>An instant column as the engine stores it: ticks (SQLite), or a timestamp.</summary>
    private static object? ShiftTime(object? value, long minutes) => value switch
    {
        long ticks => ticks + minutes * TimeSpan.TicksPerMinute,
        DateTime time => time.AddMinutes(minutes),
        DateTimeOffset time => time.AddMinutes(minutes),
        null => null,
        _ => throw new NotSupportedException($"An instant stored as {value.GetType().Name} cannot be moved."),
    };

    private static void Append(StringBuilder sql, DbCommand command, string table, string prefix, Row[] rows)
    {
        sql.Append("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", rows[0].Columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var r = 0; r < rows.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < rows[r].Columns.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@{prefix}{r}_{c}";
                parameter.Value = rows[r].Values[c] ?? DBNull.Value;
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
            }

            sql.Append(')');
        }

        sql.Append(";\n");
    }

    private static async Task<Row[]> ReadAsync(DbConnection connection, string sql, object key)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
            rows.Add(new Row(columns, values));
        }

        return [.. rows];
    }

    private sealed record Row(string[] Columns, object?[] Values);

    /// <summary>Writes copies of the booking on one connection, each in its own transaction.</summary>
    internal sealed class Writer(RawBookingInsert booking, DbConnection connection, DbCommand command) : IAsyncDisposable
    {
        public async Task InsertAsync(long copy)
        {
            var request = Guid.CreateVersion7();
            var p = 0;
            foreach (var (table, rows) in new[] { ("ConsultationRequests", new[] { booking._request }), ("SlotHolds", booking._holds), ("Messages", booking._messages) })
            {
                foreach (var row in rows)
                {
                    foreach (var value in booking.ValuesOf(row, table, copy, request))
                        command.Parameters[p++].Value = value ?? DBNull.Value;
                }
            }

            await using var transaction = await connection.BeginTransactionAsync();
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

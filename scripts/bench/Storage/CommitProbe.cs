using System.Data.Common;
using System.Diagnostics;

namespace Intake.Bench.Storage;

/// <summary>
/// What one durable commit costs on this database, alone: a one-row update in its own transaction, repeated.
/// The value changes every time (an update that changes nothing may write nothing), and ends as it began.
/// The floor under every figure that writes (on SQLite the fsync of the write-ahead log; on a server the round
/// trip and its WAL flush).
/// </summary>
internal static class CommitProbe
{
    public static async Task<double> MedianCommitMsAsync(IBenchStorage storage, string connectionString, int commits = 40)
    {
        await using var connection = await storage.OpenAsync(connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = """UPDATE "Therapists" SET "Phone" = @phone WHERE "Id" = @id""";
        var phone = command.CreateParameter();
        phone.ParameterName = "@phone";
        command.Parameters.Add(phone);
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = Hosts.PracticeSettings.TherapistIds[0];
        command.Parameters.Add(id);

        var times = new List<double>(commits);
        for (var i = 0; i < commits; i++)
        {
            phone.Value = i % 2 == 0 ? "+1 212-555-0999" : "+1 212-555-0101";
            var began = Stopwatch.GetTimestamp();
            await using (DbTransaction transaction = await connection.BeginTransactionAsync())
            {
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return Report.Spread.Of(times).Median;
    }
}

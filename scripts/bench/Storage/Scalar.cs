using System.Data.Common;
using System.Globalization;

namespace Intake.Bench.Storage;

internal static class Scalar
{
    /// <summary>The first column of the first row, as invariant text ("" for none): settings and versions for the report.</summary>
    public static async Task<string> TextAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}

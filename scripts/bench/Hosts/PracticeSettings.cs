using System.Globalization;

namespace Intake.Bench.Hosts;

/// <summary>
/// The practice every figure runs with, as environment settings over the root appsettings.json: three therapists
/// in New York, each taking calls 08:00–20:00 every day (48 fifteen-minute slots a day, room for 1,000 bookings in
/// 30 days several times over).
/// </summary>
internal static class PracticeSettings
{
    public const string Zone = "America/New_York";

    public const int SlotsPerDay = 48;

    public const int ConsultationMinutes = 15;

    public static readonly string[] TherapistIds = ["t1", "t2", "t3"];

    /// <summary>Two windows that meet at 14:00: the root settings give some days two windows, and both indexes are replaced.</summary>
    public static readonly string[] Windows = ["08:00-14:00", "14:00-20:00"];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static Dictionary<string, string> For(int horizonDays)
    {
        var settings = new Dictionary<string, string>
        {
            ["Practice:ConsultationMinutes"] = ConsultationMinutes.ToString(CultureInfo.InvariantCulture),
            ["Practice:BufferMinutes"] = "0",
            ["Practice:HorizonDays"] = horizonDays.ToString(CultureInfo.InvariantCulture),
        };
        for (var t = 0; t < TherapistIds.Length; t++)
        {
            var prefix = $"Practice:Therapists:{t}:";
            settings[prefix + "Id"] = TherapistIds[t];
            settings[prefix + "Name"] = $"Therapist {t + 1}";
            settings[prefix + "Email"] = $"{TherapistIds[t]}@calmharbor.example";
            settings[prefix + "Phone"] = $"+1 212-555-010{t + 1}";
            settings[prefix + "TimeZone"] = Zone;
            foreach (var day in Days)
            {
                for (var w = 0; w < Windows.Length; w++)
                    settings[$"{prefix}WeeklyHours:{day}:{w}"] = Windows[w];
            }
        }

        return settings;
    }
}

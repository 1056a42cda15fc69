using System.Globalization;
using Intake.Domain.Practices;

namespace Intake.Api.Pages;

/// <summary>
/// The placeholders every page's words may hold for the practice's own details, filled in on the server:
/// {practice}, {minutes}, {phone} and {crisisLine}. Any other placeholder is left for the page's script.
/// </summary>
internal static class PracticeWords
{
    public static string Fill(string words, PracticeOptions practice, WebOptions web) => words
        .Replace("{practice}", practice.Name, StringComparison.Ordinal)
        .Replace("{minutes}", practice.ConsultationMinutes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{phone}", practice.Phone, StringComparison.Ordinal)
        .Replace("{crisisLine}", web.CrisisLine, StringComparison.Ordinal);
}

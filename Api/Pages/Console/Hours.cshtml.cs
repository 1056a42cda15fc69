using System.Globalization;
using FluentValidation;
using Intake.Api.Therapists;
using Intake.Domain.Availability;
using Intake.Domain.Availability.FindOpenSlots;
using Intake.Domain.Practices;
using Intake.Domain.Therapists.TherapistAvailability;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Intake.Api.Pages.Console;

/// <summary>
/// /console/hours: the therapist's weekly windows as a week grid, the dates that differ, and what the booking page
/// offers in the next two weeks. Each form post sends the same MediatR request as the JSON endpoints under
/// /api/therapist/availability, so its validator's messages are the ones shown, day by day.
/// </summary>
public sealed class HoursModel(
    IMediator mediator, IClock clock, IOptions<HoursWords> words, IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    /// <summary>Empty rows under a day's windows, to add new ones without script.</summary>
    public const int SpareRows = 1;

    /// <summary>Window rows in the form for one date.</summary>
    public const int OverrideRows = 3;

    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("h:mm tt");
    private static readonly LocalDatePattern LongDate = LocalDatePattern.CreateWithInvariantCulture("dddd d MMMM yyyy");

    public HoursWords Words => words.Value;

    public TherapistAvailability Availability { get; private set; } = null!;

    /// <summary>Each of the next 14 days, with its open times merged into ranges.</summary>
    public IReadOnlyList<(LocalDate Date, int Count, IReadOnlyList<string> Ranges)> Preview { get; private set; } = [];

    /// <summary>The validator's messages, by field ("WeeklyHours.Monday", "Date", "Windows"); "" for the whole form.</summary>
    public Dictionary<string, List<string>> Problems { get; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    /// <summary>The week grid as it was posted, shown again when it was not saved, so nothing typed is lost.</summary>
    public Dictionary<IsoDayOfWeek, List<(string From, string To)>>? PostedWeek { get; private set; }

    /// <summary>One day's rows as the grid shows them: as posted after a refusal, otherwise as stored.</summary>
    public List<(string From, string To)> Rows(IsoDayOfWeek day)
    {
        var rows = PostedWeek?.GetValueOrDefault(day)
            ?? (Availability.WeeklyHours.TryGetValue(day, out var windows) ? windows.Select(w => (Text(w.Start), Text(w.End))).ToList() : []);
        return [.. rows.Where(row => row.From.Length > 0 || row.To.Length > 0), .. Enumerable.Repeat((string.Empty, string.Empty), SpareRows)];
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostWeeklyAsync(CancellationToken ct)
    {
        var hours = new Dictionary<string, IReadOnlyList<string?>?>();
        PostedWeek = [];
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            hours[day.ToString()] = Windows($"{day}-from", $"{day}-to");
            var (starts, ends) = (Request.Form[$"{day}-from"], Request.Form[$"{day}-to"]);
            PostedWeek[day] = Enumerable.Range(0, Math.Max(starts.Count, ends.Count))
                .Select(i => (i < starts.Count ? starts[i] ?? "" : "", i < ends.Count ? ends[i] ?? "" : "")).ToList();
        }

        return await SaveAsync(new SetWeeklyHours(User.TherapistId(), hours), ct);
    }

    public Task<IActionResult> OnPostOverrideAsync(string? date, bool dayOff, CancellationToken ct) =>
        SaveAsync(new SetDateOverride(User.TherapistId(), date, dayOff ? [] : Windows("from", "to")), ct);

    public Task<IActionResult> OnPostRemoveOverrideAsync(string? date, CancellationToken ct) =>
        SaveAsync(new RemoveDateOverride(User.TherapistId(), date), ct);

    /// <summary>The rows of one form part as the API writes windows ("09:00-12:00"); a row left empty is none.</summary>
    private List<string?> Windows(string from, string to)
    {
        var starts = Request.Form[from];
        var ends = Request.Form[to];
        var windows = new List<string?>();
        for (var i = 0; i < Math.Max(starts.Count, ends.Count); i++)
        {
            var start = i < starts.Count ? starts[i]?.Trim() : null;
            var end = i < ends.Count ? ends[i]?.Trim() : null;
            if (string.IsNullOrEmpty(start) && string.IsNullOrEmpty(end))
                continue;
            // A time field cannot say 24:00: a window that ends at midnight is written ending 00:00.
            windows.Add($"{start}-{(end == "00:00" ? "24:00" : end)}");
        }

        return windows;
    }

    private async Task<IActionResult> SaveAsync(IRequest<AvailabilityChange> change, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            switch (await mediator.Send(change, ct))
            {
                case AvailabilityChange.Saved:
                    return Redirect("/console/hours?saved=true");
                case AvailabilityChange.TooLarge:
                    Problem("", Words.TooMany);
                    break;
                default:
                    Problem("", Words.NoOverride);
                    break;
            }
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
                Problem(error.PropertyName, error.ErrorMessage);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private void Problem(string field, string message)
    {
        if (!Problems.TryGetValue(field, out var list))
            Problems[field] = list = [];
        if (!list.Contains(message))
            list.Add(message);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Title"] = PracticeWords.Fill(Words.Title, practice.Value, web.Value);
        ViewData["Section"] = "hours";
        Availability = await mediator.Send(new GetTherapistAvailability(User.TherapistId()), ct);
        var zone = Availability.TimeZone;
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var last = today.PlusDays(13);
        var open = await mediator.Send(new FindOpenSlots(
            LocalDatePattern.Iso.Format(today), LocalDatePattern.Iso.Format(last), zone.Id, User.TherapistId()), ct);
        var byDate = open.Slots.ToLookup(slot => slot.Start.InZone(zone).Date);
        Preview = Enumerable.Range(0, 14).Select(offset => today.PlusDays(offset)).Select(date =>
        {
            var slots = byDate[date].OrderBy(slot => slot.Start).ToList();
            return (date, slots.Count, (IReadOnlyList<string>)Ranges(slots, zone));
        }).ToList();
    }

    /// <summary>Times that follow one another as one range: "9:00 AM–12:00 PM".</summary>
    private static List<string> Ranges(List<Slot> slots, DateTimeZone zone)
    {
        var ranges = new List<string>();
        for (var i = 0; i < slots.Count;)
        {
            var start = slots[i].Start;
            var end = slots[i].End;
            var j = i + 1;
            for (; j < slots.Count && slots[j].Start <= end; j++)
                end = Instant.Max(end, slots[j].End);
            ranges.Add($"{TimeOfDay.Format(start.InZone(zone).TimeOfDay)}–{TimeOfDay.Format(end.InZone(zone).TimeOfDay)}");
            i = j;
        }

        return ranges;
    }

    public static string Date(LocalDate date) => LongDate.Format(date);

    public static string Text(LocalTime time) => LocalTimePattern.ExtendedIso.Format(time)[..5];

    public string Say(string text, params (string Key, object Value)[] values)
    {
        foreach (var (key, value) in values)
            text = text.Replace("{" + key + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return text;
    }

    public IReadOnlyList<string> ProblemsOf(string field) => Problems.TryGetValue(field, out var list) ? list : [];
}

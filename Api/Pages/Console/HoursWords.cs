namespace Intake.Api.Pages.Console;

/// <summary>Every word of the console's hours page, in one place (Words:ConsoleHours). {practice} is filled in by the server.</summary>
public sealed class HoursWords
{
    public string Title { get; set; } = "Hours — {practice}";
    public string Heading { get; set; } = "Your hours";
    public string TimesIn { get; set; } = "In {zone}. Calls already booked keep their time whatever you change here.";
    public string WeeklyHeading { get; set; } = "Every week";
    public string WeeklyHint { get; set; } = "Up to several windows a day; leave a row empty for none. A day with no window is a day off.";
    public string Day { get; set; } = "Day";
    public string Windows { get; set; } = "Windows";
    public string WindowFrom { get; set; } = "{day}, window {n}, from";
    public string WindowTo { get; set; } = "{day}, window {n}, to";
    public string SaveWeekly { get; set; } = "Save the weekly hours";
    public string OverridesHeading { get; set; } = "Dates that differ";
    public string OverridesNone { get; set; } = "None: every date follows the weekly hours.";
    public string DayOff { get; set; } = "Day off";
    public string Remove { get; set; } = "Remove {date}";
    public string AddOverrideHeading { get; set; } = "Give one date other hours, or a day off";
    public string Date { get; set; } = "Date";
    public string DayOffLabel { get; set; } = "A day off";
    public string OverrideFrom { get; set; } = "Window {n}, from";
    public string OverrideTo { get; set; } = "Window {n}, to";
    public string SaveOverride { get; set; } = "Save this date";
    public string PreviewHeading { get; set; } = "What the booking page offers in the next two weeks";
    public string PreviewNone { get; set; } = "No open time";
    public string PreviewTimes { get; set; } = "{count} open times: {ranges}";
    public string Saved { get; set; } = "Saved. The booking page shows the change at once.";
    public string ProblemsHeading { get; set; } = "That was not saved";
    public string TooMany { get; set; } = "Too many dates that differ are stored: remove some first.";
    public string NoOverride { get; set; } = "That date has no other hours to remove.";
}

namespace Intake.Api.Pages;

/// <summary>
/// What the open-times picker (/shared/slot-picker.js) says, on whichever page mounts it: each page binds its own
/// copy (Words:Booking:Picker, Words:Manage:Picker) and hands it to the script. Placeholders in braces: {count},
/// {month}, {date}. "One" and "Other" are the plural forms (Intl.PluralRules).
/// </summary>
public sealed class SlotPickerWords
{
    public string Loading { get; set; } = "Loading open times…";
    public string FoundOne { get; set; } = "1 open time in {month}.";
    public string FoundOther { get; set; } = "{count} open times in {month}.";
    public string None { get; set; } = "No open times in this range.";
    public string NoneInMonth { get; set; } = "No open times in {month}.";
    public string Failed { get; set; } = "Open times could not be loaded. Check your connection and try again.";
    public string Retry { get; set; } = "Try again";
    public string PreviousMonth { get; set; } = "Previous month";
    public string NextMonth { get; set; } = "Next month";
    public string DayOne { get; set; } = "{date}, 1 open time";
    public string DayOther { get; set; } = "{date}, {count} open times";
    public string DayNone { get; set; } = "{date}, no open times";
    public string DayLoading { get; set; } = "{date}, open times still loading";
    public string TimesOn { get; set; } = "Times on {date}";
}

namespace Intake.Api.Pages.Console;

/// <summary>Every word of the page an alert's link opens (Words:ConsoleAct). {practice} and {time} are filled in by the server.</summary>
public sealed class ActWords
{
    public string Title { get; set; } = "A consultation request — {practice}";
    public string ConfirmHeading { get; set; } = "Confirm this consultation request?";
    public string DeclineHeading { get; set; } = "Decline this consultation request?";
    public string Time { get; set; } = "The time asked for: {time}.";
    public string NoTime { get; set; } = "no time";
    public string Confirm { get; set; } = "Yes, confirm it";
    public string Decline { get; set; } = "Yes, decline it";
    public string NoteLabel { get; set; } = "A short note for the prospect (optional, sent by email only)";
    public string Confirmed { get; set; } = "Confirmed. The prospect is told.";
    public string Declined { get; set; } = "Declined. The prospect is told.";
    public string Used { get; set; } = "This link was used already, or the request changed since. Nothing was done.";
    public string OpenRequest { get; set; } = "Open the request in Intake";
    public string InvalidHeading { get; set; } = "This link does not work any more";
    public string Invalid { get; set; } = "It may have expired. Open your requests in Intake instead.";
    public string OpenConsole { get; set; } = "Open your requests";
}

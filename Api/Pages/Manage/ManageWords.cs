namespace Intake.Api.Pages.Manage;

/// <summary>
/// Every word the manage page says, in one place (Words:Manage), rendered by the server or read by the script from
/// the same object. Placeholders: {practice}, {phone}.
/// </summary>
public sealed class ManageWords
{
    public string Title { get; set; } = "Your consultation request — {practice}";
    public string Heading { get; set; } = "Your consultation request";
    public string InvalidTitle { get; set; } = "This link is no longer valid — {practice}";
    public string InvalidHeading { get; set; } = "This link is no longer valid";
    public string InvalidBody { get; set; } = "Use the link in the latest message from {practice}, or call the practice: {phone}.";
}

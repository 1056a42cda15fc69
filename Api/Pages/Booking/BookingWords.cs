namespace Intake.Api.Pages.Booking;

/// <summary>
/// Every word the booking page says, in one place: the server renders some, its script the rest (from the same
/// object, as JSON). A practice changes any of them under Words:Booking; a translation replaces them all.
/// Placeholders in braces are filled in by the page: {practice}, {minutes}, {zone}, {crisisLine}.
/// </summary>
public sealed class BookingWords
{
    public string Title { get; set; } = "Book a free consultation — {practice}";
    public string Heading { get; set; } = "Free {minutes}-minute phone consultation";
    public string Intro { get; set; } = "Choose a time that suits you and the therapist will call you then. The time is held for you until the therapist confirms it.";
    public string NoScript { get; set; } = "This page needs JavaScript to show open times. You can also call the practice: {phone}.";
}

namespace Intake.Api.Pages.Booking;

/// <summary>
/// Every word the booking page says, in one place: the server renders some, its script the rest (from the same
/// object, as JSON). A practice changes any of them under Words:Booking; a translation replaces them all.
/// Placeholders in braces: {practice}, {minutes}, {phone} and {crisisLine} are filled in by the server; {zone},
/// {time}, {therapist} and {channel} by the script.
/// </summary>
public sealed class BookingWords
{
    public string Title { get; set; } = "Book a free consultation — {practice}";
    public string Heading { get; set; } = "Free {minutes}-minute phone consultation";
    public string Intro { get; set; } = "Choose a time that suits you and the therapist will call you then. The time is held for you until the therapist confirms it.";
    public string NoScript { get; set; } = "This page needs JavaScript to show open times. You can also call the practice: {phone}.";

    // Choosing a time.
    public string TimesHeading { get; set; } = "Choose a time";
    public string ZoneShown { get; set; } = "Times shown in {zone}";
    public string ZoneLabel { get; set; } = "Time zone";
    public string TherapistLabel { get; set; } = "Therapist";
    public string AnyTherapist { get; set; } = "Any therapist";
    public string NoTimes { get; set; } = "You can still ask for a call back: the therapist will contact you to find a time.";
    public string NoTimesLink { get; set; } = "Fill in your details and ask for a call back";
    public SlotPickerWords Picker { get; set; } = new();

    // The form.
    public string FormHeading { get; set; } = "Your details";
    public string NoTimeChosen { get; set; } = "No time chosen yet: choose one above, or ask for a call back.";
    public string TimeChosen { get; set; } = "Your time: {time}";
    public string TimeChosenWith { get; set; } = "Your time: {time}, with {therapist}";
    public string NameLabel { get; set; } = "Name";
    public string PhoneLabel { get; set; } = "Phone";
    public string PhoneHint { get; set; } = "The therapist calls you on this number. Add the country code if it is not a US number.";
    public string EmailLabel { get; set; } = "Email";
    public string ChannelLegend { get; set; } = "How should we send you updates about your request?";
    public string ChannelSms { get; set; } = "Text message";
    public string ChannelEmail { get; set; } = "Email";
    public string ChannelHint { get; set; } = "We text you only if you agree below; otherwise we email you.";
    public string SmsConsent { get; set; } = "Yes, {practice} may text me about this consultation request: confirmations, reminders and changes. Message frequency varies. Msg & data rates may apply. Reply STOP to opt out, HELP for help.";
    public string MessageLabel { get; set; } = "Anything you would like the therapist to know (optional)";
    public string MessageHint { get; set; } = "Only the therapist reads this. This form is not for emergencies: if you are in crisis or danger, {crisisLine}.";
    public string Submit { get; set; } = "Request this time";
    public string CallbackPrompt { get; set; } = "None of these times work?";
    public string Callback { get; set; } = "Ask for a call back";
    public string Sending { get; set; } = "Sending your request…";

    // Problems.
    public string ProblemsHeading { get; set; } = "There is a problem";
    public string ChooseATime { get; set; } = "Choose a time above, or ask for a call back.";
    public string NotOpen { get; set; } = "Sorry, that time is not open any more: someone may just have taken it. The open times above are up to date; please choose another.";
    public string NetworkFailed { get; set; } = "Your request could not be sent: the connection failed. Nothing you typed is lost; check your connection and try again.";
    public string TooLarge { get; set; } = "What you typed is too long to send. Please shorten your message.";
    public string ServerFailed { get; set; } = "Something went wrong on our side and your request was not sent. Please try again, or call the practice: {phone}.";

    // The confirmation.
    public string HeldHeading { get; set; } = "Your time is held";
    public string HeldTime { get; set; } = "We are holding {time} for you until the therapist confirms it. It is not booked until then.";
    public string CallbackHeading { get; set; } = "Your request for a call back is in";
    public string CallbackNext { get; set; } = "No time is booked yet: the therapist will contact you to find a time that suits you.";
    public string Acknowledged { get; set; } = "We have sent you a message by {channel} to say we received your request, with a link to see, change or cancel it.";
    public string Confirmation { get; set; } = "When the therapist confirms, we send you the call's time by {channel}, with a way to add it to your calendar.";
    public string ChannelNameSms { get; set; } = "text";
    public string ChannelNameEmail { get; set; } = "email";
}

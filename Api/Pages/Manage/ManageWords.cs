namespace Intake.Api.Pages.Manage;

/// <summary>
/// Every word the manage page says, in one place (Words:Manage), rendered by the server or read by the script from
/// the same object. Placeholders: {practice}, {phone}, and where a time is meant {time} (the full date, time and
/// zone) or {zone} (the zone's name).
/// </summary>
public sealed class ManageWords
{
    public string Title { get; set; } = "Your consultation request — {practice}";
    public string Heading { get; set; } = "Your consultation request";
    public string InvalidTitle { get; set; } = "This link is no longer valid — {practice}";
    public string InvalidHeading { get; set; } = "This link is no longer valid";
    public string InvalidBody { get; set; } = "Use the link in the latest message from {practice}, or call the practice: {phone}.";
    public string NoScript { get; set; } = "This page needs JavaScript to change your request. You can also call the practice: {phone}.";

    /// <summary>Where the request stands, one heading and one sentence per status.</summary>
    public ManageStatusWords Status { get; set; } = new();

    public string TimeLabel { get; set; } = "Time:";
    public string ZoneNote { get; set; } = "Times on this page are in {zone}.";
    public string BookAgain { get; set; } = "Book another time";

    public string CancelButton { get; set; } = "Cancel this request";
    public string CancelQuestion { get; set; } = "Cancel this request?";
    public string CancelBody { get; set; } = "No call will take place and the time is freed for someone else. This cannot be undone.";
    public string CancelConfirm { get; set; } = "Yes, cancel it";
    public string CancelKeep { get; set; } = "No, keep it";
    public string Cancelling { get; set; } = "Cancelling your request…";
    public string CancelDone { get; set; } = "Your request is cancelled.";

    public string AcceptLegend { get; set; } = "Times the therapist offered";
    public string AcceptButton { get; set; } = "Accept this time";
    public string AcceptChooseFirst { get; set; } = "Choose one of the times first.";
    public string Accepting { get; set; } = "Confirming your time…";
    public string AcceptDone { get; set; } = "Your call is confirmed for {time}.";

    public string RescheduleHeading { get; set; } = "Move your call to another time";
    public string RescheduleButton { get; set; } = "Choose another time";
    public string RescheduleHint { get; set; } = "These are the same therapist's open times.";
    public string ZoneSelect { get; set; } = "Show times in";

    /// <summary>What the open-times picker says when it shows the times a confirmed call can move to (Words:Manage:Picker).</summary>
    public SlotPickerWords Picker { get; set; } = new();

    public string RescheduleQuestion { get; set; } = "Move your call to {time}?";
    public string RescheduleConfirm { get; set; } = "Yes, move my call";
    public string RescheduleKeep { get; set; } = "No, keep my current time";
    public string Rescheduling { get; set; } = "Moving your call…";
    public string RescheduleDone { get; set; } = "Your call is moved to {time}.";

    /// <summary>Why a change was refused (a 409's rule), then the page shows where the request stands now.</summary>
    public ManageRefusalWords Refused { get; set; } = new();

    public string NetworkFailure { get; set; } = "The change could not be sent. Check your connection and try again.";
    public string Unexpected { get; set; } = "Something went wrong. Try again, or call the practice: {phone}.";
}

/// <summary>A status in plain words: a heading and what it means for the prospect.</summary>
public sealed class StatusWords
{
    public string Heading { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
}

/// <summary>One <see cref="StatusWords"/> per status; Requested with times on offer reads differently from a plain callback.</summary>
public sealed class ManageStatusWords
{
    public StatusWords Requested { get; set; } = new()
    {
        Heading = "You asked for a call back",
        Body = "No time is booked yet. The practice will call you to arrange one.",
    };

    public StatusWords TimesOffered { get; set; } = new()
    {
        Heading = "The therapist offered other times",
        Body = "Choose the one that suits you below. Your call is confirmed as soon as you do.",
    };

    public StatusWords Pending { get; set; } = new()
    {
        Heading = "Your time is held for you",
        Body = "The therapist has not confirmed it yet. You will get a message when they do.",
    };

    public StatusWords Confirmed { get; set; } = new()
    {
        Heading = "Your call is confirmed",
        Body = "The therapist will call you at this time.",
    };

    public StatusWords Completed { get; set; } = new()
    {
        Heading = "Your consultation took place",
        Body = "Thank you for talking with {practice}.",
    };

    public StatusWords NoShow { get; set; } = new()
    {
        Heading = "The call was missed",
        Body = "If you would still like to talk, call the practice: {phone}.",
    };

    public StatusWords Declined { get; set; } = new()
    {
        Heading = "The therapist could not take this request",
        Body = "You can book another time, or call the practice: {phone}.",
    };

    public StatusWords Cancelled { get; set; } = new()
    {
        Heading = "This request is cancelled",
        Body = "No call will take place.",
    };

    public StatusWords Expired { get; set; } = new()
    {
        Heading = "This request has expired",
        Body = "It was not confirmed in time, so no call is booked.",
    };
}

/// <summary>A refused change explained, by the rule the API names (ConsultationRules); the page then shows the request as it is now.</summary>
public sealed class ManageRefusalWords
{
    public string ChangedMeanwhile { get; set; } = "Your request changed a moment ago, so nothing was done. Here is where it stands now.";
    public string Closed { get; set; } = "This request is already closed, so it can no longer be changed. Here is where it stands now.";
    public string Started { get; set; } = "The call's time has started, so it can no longer be changed. Call the practice: {phone}.";
    public string NotOffered { get; set; } = "That time is no longer on offer. Here is where your request stands now.";
    public string NotConfirmed { get; set; } = "Only a confirmed call can be moved. Here is where your request stands now.";
    public string Past { get; set; } = "That time has already started. Choose another.";
    public string SameTime { get; set; } = "Your call already has that time.";
    public string TimeTaken { get; set; } = "That time was just taken or is no longer open. The times shown are up to date: choose another.";
    public string Other { get; set; } = "That change is not possible now. Here is where your request stands.";
}

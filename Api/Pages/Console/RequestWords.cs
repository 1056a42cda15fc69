namespace Intake.Api.Pages.Console;

/// <summary>
/// Every word of a request's page in the console, in one place; a practice changes any of them under
/// Words:ConsoleRequest. Placeholders in braces: {practice} and {name}, filled in by the server.
/// </summary>
public sealed class RequestWords
{
    public string Title { get; set; } = "{name} — Requests — {practice}";
    public string Back { get; set; } = "All requests";
    public string Details { get; set; } = "Details";
    public string Phone { get; set; } = "Phone";
    public string Email { get; set; } = "Email";
    public string Channel { get; set; } = "Updates by";
    public string ChannelSms { get; set; } = "Text message";
    public string ChannelEmail { get; set; } = "Email";
    public string Consent { get; set; } = "Consent to texts";
    public string ConsentYes { get; set; } = "Yes";
    public string ConsentNo { get; set; } = "No";
    public string Submitted { get; set; } = "Asked";
    public string Time { get; set; } = "Time";
    public string TimeForProspect { get; set; } = "Their time";
    public string NoTime { get; set; } = "None: they asked for a call back.";
    public string Offered { get; set; } = "Times offered";
    public string OfferLapses { get; set; } = "The offer lapses";
    public string TheirWords { get; set; } = "In their own words";
    public string NoWords { get; set; } = "They wrote nothing.";
    public string DeclineNote { get; set; } = "Your note when declining";

    // Actions.
    /// <summary>Instead of the actions, when an administrator reads another therapist's request.</summary>
    public string OthersRequest { get; set; } = "This is {therapist}'s request: you can read it, but only {therapist} acts on it.";
    public string Actions { get; set; } = "Actions";
    public string NoActions { get; set; } = "Nothing more can be done with this request.";
    public string Confirm { get; set; } = "Confirm this time";
    public string ConfirmWithTime { get; set; } = "Confirm with a time…";
    public string ConfirmWithTimeHeading { get; set; } = "Give the call a time";
    public string Propose { get; set; } = "Offer other times…";
    public string ProposeHeading { get; set; } = "Offer one to five of your open times";
    public string ProposeHint { get; set; } = "Choose a time, then add it. The prospect chooses one of them.";
    public string AddTime { get; set; } = "Add this time";
    public string RemoveTime { get; set; } = "Remove {time}";
    public string TimesToOffer { get; set; } = "Times to offer";
    public string NoTimesToOffer { get; set; } = "No time added yet.";
    public string SendOffer { get; set; } = "Offer these times";
    public string Decline { get; set; } = "Decline…";
    public string DeclineHeading { get; set; } = "Decline this request";
    public string DeclineNoteLabel { get; set; } = "A short note for the prospect (optional, sent by email only)";
    public string DeclineSend { get; set; } = "Decline the request";
    public string Reschedule { get; set; } = "Move to another time…";
    public string RescheduleHeading { get; set; } = "Move the call to another time";
    public string Cancel { get; set; } = "Cancel the call…";
    public string CancelHeading { get; set; } = "Cancel this call?";
    public string CancelSend { get; set; } = "Yes, cancel the call";
    public string CancelWarning { get; set; } = "The prospect is told and the time is freed. This cannot be undone.";
    public string Complete { get; set; } = "The call took place…";
    public string CompleteHeading { get; set; } = "Record that the call took place?";
    public string CompleteSend { get; set; } = "Yes, it took place";
    public string NoShow { get; set; } = "They did not take the call…";
    public string NoShowHeading { get; set; } = "Record a no-show?";
    public string NoShowSend { get; set; } = "Yes, record a no-show";
    public string FinalWarning { get; set; } = "This closes the request and cannot be undone.";
    public string ChosenNone { get; set; } = "No time chosen yet.";
    public string Chosen { get; set; } = "Chosen: {time}";
    public string Send { get; set; } = "Use this time";
    public string Close { get; set; } = "Close";
    public string Keep { get; set; } = "Keep it as it is";
    public string NeedsScript { get; set; } = "Choosing a time needs JavaScript.";
    public SlotPickerWords Picker { get; set; } = new();

    // What an action came to.
    public string ProblemHeading { get; set; } = "That was not done";
    public string ChangedMeanwhile { get; set; } = "Someone changed this request a moment ago; here it is as it is now. Nothing was done.";
    public string SlotNotOpen { get; set; } = "That time is not open any more. Choose another.";
    public Dictionary<string, string> DoneWords { get; set; } = new()
    {
        ["confirmed"] = "Confirmed. The prospect is told.",
        ["declined"] = "Declined. The prospect is told.",
        ["proposed"] = "The times are offered. The prospect is told.",
        ["rescheduled"] = "Moved. The prospect is told.",
        ["cancelled"] = "Cancelled. The prospect is told.",
        ["completed"] = "Recorded: the call took place.",
        ["no-show"] = "Recorded: a no-show.",
    };

    // History and messages.
    public string HistoryHeading { get; set; } = "History";
    public string HistoryWhen { get; set; } = "When";
    public string HistoryWhat { get; set; } = "What";
    public string HistoryWho { get; set; } = "By";
    public Dictionary<string, string> ChangeNames { get; set; } = new()
    {
        ["Requested"] = "Asked for a call back",
        ["TimeHeld"] = "Asked for a time (held)",
        ["Confirmed"] = "Confirmed",
        ["TimesProposed"] = "Other times offered",
        ["ProposedTimeAccepted"] = "Accepted an offered time",
        ["Rescheduled"] = "Moved to another time",
        ["Declined"] = "Declined",
        ["Cancelled"] = "Cancelled",
        ["Expired"] = "Expired",
        ["Completed"] = "Call took place",
        ["NoShow"] = "No-show",
        ["AttendanceConfirmed"] = "Confirmed they will attend",
    };
    public string ByProspect { get; set; } = "The prospect";
    public string ByYou { get; set; } = "You";
    public string ByTherapist { get; set; } = "Therapist {therapist}";
    public string ByIntake { get; set; } = "Intake";
    public string MessagesHeading { get; set; } = "Messages";
    public string MessagesNone { get; set; } = "No message yet.";
    public string MessageKind { get; set; } = "Message";
    public string MessageChannel { get; set; } = "By";
    public string MessageStatus { get; set; } = "Status";
    public string MessageDelivery { get; set; } = "Delivery report";
    public string MessageWhen { get; set; } = "Due";
}

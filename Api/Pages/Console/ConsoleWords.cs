using Intake.Domain.Consultations;

namespace Intake.Api.Pages.Console;

/// <summary>
/// Every word the therapist's console says, in one place; a practice changes any of them under Words:Console.
/// Placeholders in braces: {practice} by the server's <see cref="PracticeWords"/>; the others where they are used.
/// </summary>
public sealed class ConsoleWords
{
    // Over plain HTTP outside Development (Console:AllowHttp).
    public string HttpsOnlyHeading { get; set; } = "The console works over HTTPS only";
    public string HttpsOnly { get; set; } = "Open this address with https:// instead. The console's sign-in is never sent over an unencrypted connection.";

    // Signing in and out.
    public string SignInTitle { get; set; } = "Sign in — {practice}";
    public string SignInHeading { get; set; } = "Sign in to the console";
    public string SignInToContinue { get; set; } = "Sign in to continue. A session ends after {minutes} minutes without use.";
    public string EmailLabel { get; set; } = "Email";
    public string PasswordLabel { get; set; } = "Password";
    public string SignIn { get; set; } = "Sign in";
    public string SignInFailed { get; set; } = "That email and password do not match an account.";
    public string LockedOut { get; set; } = "Too many failed sign-ins: this account is locked for {minutes} minutes. Try again later, or ask the practice's administrator.";
    public string SignedOut { get; set; } = "You are signed out.";
    public string SignOut { get; set; } = "Sign out";
    public string Forgot { get; set; } = "Forgot your password?";

    // Choosing a new password.
    public string ForgotTitle { get; set; } = "Forgot your password — {practice}";
    public string ForgotHeading { get; set; } = "Forgot your password?";
    public string ForgotIntro { get; set; } = "Give the email of your account: we send it a link to choose a new password.";
    public string ForgotSend { get; set; } = "Send the link";
    public string ForgotSent { get; set; } = "If an account has that email, a link to choose a new password is on its way. It works once, for a short while.";
    public string BackToSignIn { get; set; } = "Back to sign in";
    public string ResetTitle { get; set; } = "Choose a new password — {practice}";
    public string ResetHeading { get; set; } = "Choose a new password";
    public string NewPasswordLabel { get; set; } = "New password";
    public string PasswordRules { get; set; } = "At least 12 characters, with upper and lower case letters, a digit and a symbol.";
    public string AgainLabel { get; set; } = "The new password once more";
    public string ResetSend { get; set; } = "Save the new password";
    public string ResetDone { get; set; } = "Your password is changed. Sign in with it.";
    public string ResetDiffer { get; set; } = "The two passwords differ.";
    public string ResetInvalid { get; set; } = "This link does not work any more: it was used already, or it expired. Ask for a new one.";

    // The navigation.
    public string NavigationLabel { get; set; } = "Console";
    public string Requests { get; set; } = "Requests";
    public string Hours { get; set; } = "Hours";
    /// <summary>The job dashboard's link, for an administrator where the dashboard exists.</summary>
    public string Jobs { get; set; } = "Jobs";
    public string NeedingAction { get; set; } = "({count} needing action)";

    // The inbox.
    public string InboxTitle { get; set; } = "Requests — {practice}";
    public string InboxTitleCounted { get; set; } = "({count}) Requests — {practice}";
    public string InboxHeading { get; set; } = "Requests";
    public string TimesIn { get; set; } = "Times in {zone}.";
    public string NeedsAction { get; set; } = "Needs action";
    public string NeedsActionNone { get; set; } = "Nothing needs you now.";
    public string AwaitingProspect { get; set; } = "Times offered, waiting for the prospect";
    public string Upcoming { get; set; } = "Upcoming calls";
    public string UpcomingNone { get; set; } = "No calls booked.";
    public string Past { get; set; } = "Past";
    public string PastNone { get; set; } = "Nothing yet.";
    public string PastPage { get; set; } = "Page {page} of {pages}";
    public string Newer { get; set; } = "Newer";
    public string Older { get; set; } = "Older";
    public string Callback { get; set; } = "Call back: no time chosen";
    public string RequestedAt { get; set; } = "Asked {time}";
    public string ActBy { get; set; } = "Lapses {time} ({left} left)";
    public string AttendanceConfirmed { get; set; } = "Prospect confirmed they will attend";
    public string NewArrived { get; set; } = "The list of requests has changed.";

    // An administrator's choice of inbox ({therapist}: the therapist's name).
    public string InboxOfLabel { get; set; } = "Whose requests";
    public string InboxOfYours { get; set; } = "Yours ({therapist})";
    public string InboxOfEvery { get; set; } = "Every therapist";
    public string InboxOfShow { get; set; } = "Show";
    public string InboxTitleOf { get; set; } = "Requests of {therapist} — {practice}";
    public string InboxTitleEvery { get; set; } = "Requests of every therapist — {practice}";
    public string InboxHeadingOf { get; set; } = "Requests of {therapist}";
    public string InboxHeadingEvery { get; set; } = "Requests of every therapist";
    public string ReadingOther { get; set; } = "As {therapist} sees them. You can open and read each request; you act only on your own and on callbacks no therapist has taken yet.";
    public string ReadingEvery { get; set; } = "Every therapist's requests and the callbacks no therapist has taken yet. You can open and read each request; you act only on your own and on untaken callbacks.";
    public string ItemOf { get; set; } = "Therapist: {therapist}";
    public string ItemUntaken { get; set; } = "Therapist: none yet (any therapist may take it)";

    // Where a request stands.
    public string StatusRequested { get; set; } = "Call back asked for";
    public string StatusPending { get; set; } = "Time held: confirm, decline or offer other times";
    public string StatusOffered { get; set; } = "Times offered";
    public string StatusConfirmed { get; set; } = "Confirmed";
    public string StatusDeclined { get; set; } = "Declined";
    public string StatusCancelledByProspect { get; set; } = "Cancelled by the prospect";
    public string StatusCancelledByTherapist { get; set; } = "Cancelled by the therapist";
    public string StatusExpired { get; set; } = "Expired";
    public string StatusCompleted { get; set; } = "Call completed";
    public string StatusNoShow { get; set; } = "No-show";

    public string Status(ConsultationStatus status, CancelledBy? by) => status switch
    {
        ConsultationStatus.Requested => StatusRequested,
        ConsultationStatus.Pending => StatusPending,
        ConsultationStatus.Confirmed => StatusConfirmed,
        ConsultationStatus.Declined => StatusDeclined,
        ConsultationStatus.Cancelled => by == CancelledBy.Therapist ? StatusCancelledByTherapist : StatusCancelledByProspect,
        ConsultationStatus.Expired => StatusExpired,
        ConsultationStatus.Completed => StatusCompleted,
        ConsultationStatus.NoShow => StatusNoShow,
        _ => status.ToString(),
    };
}

namespace Intake.Api.Pages.Console;

/// <summary>A dialog that gives a request a time (or, with <paramref name="Many"/>, offers up to five).</summary>
public sealed record TimeDialog(string Action, string Heading, string Send, bool Many, string Close, string NeedsScript);

/// <summary>A dialog that asks once more before an action that cannot be undone.</summary>
public sealed record FinalDialog(string Action, string Heading, string Warning, string Send, string Keep);

using System.ComponentModel.DataAnnotations;

namespace Intake.Api.Pages.Console;

/// <summary>The therapist's console: section "Console".</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>A signed-in session ends after this many minutes without a request.</summary>
    [Range(1, 24 * 60)]
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Failed sign-ins in a row that lock an account (Identity's lockout).</summary>
    [Range(1, 100)]
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How often an open inbox asks whether anything changed (docs/decisions/013).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 20;

    /// <summary>How long an emailed password-reset link works (once).</summary>
    [Range(5, 24 * 60)]
    public int ResetMinutes { get; set; } = 60;

    /// <summary>
    /// Outside Development the console's cookies are Secure and the console answers only over HTTPS. True lets the
    /// cookies follow the request's scheme: only for a demonstration on this machine over plain HTTP.
    /// </summary>
    public bool AllowHttp { get; set; }
}

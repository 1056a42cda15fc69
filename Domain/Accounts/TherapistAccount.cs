using Microsoft.AspNetCore.Identity;

namespace Intake.Domain.Accounts;

/// <summary>A sign-in (ASP.NET Core Identity) for one therapist of the practice.</summary>
public sealed class TherapistAccount : IdentityUser
{
    /// <summary>The therapist this account acts for; every therapist endpoint is limited to their requests.</summary>
    public string TherapistId { get; set; } = string.Empty;

    /// <summary>The claim that carries <see cref="TherapistId"/> in cookies and bearer tokens.</summary>
    public const string TherapistIdClaim = "intake:therapist_id";

    /// <summary>A stored claim ("true") for an account that may also act in the job dashboard (retry, delete).</summary>
    public const string AdminClaim = "intake:admin";
}

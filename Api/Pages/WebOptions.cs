using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Intake.Api.Pages;

/// <summary>How the prospect's pages look and where they may be embedded: section "Web".</summary>
public sealed partial class WebOptions
{
    public const string Section = "Web";

    /// <summary>The practice's accent colour, #rrggbb: buttons, focus rings and the chosen day.</summary>
    public string AccentColour { get; set; } = "#2f6f6a";

    /// <summary>
    /// The practice's logo, a path on Intake's own origin ("/brand/logo.svg", a file under Api/wwwroot or behind the
    /// same proxy); empty for none. Never another origin: a visitor's browser asks nothing of anyone else.
    /// </summary>
    public string LogoUrl { get; set; } = string.Empty;

    /// <summary>The practice's sites allowed to frame the booking page (CSP frame-ancestors), e.g. "https://calmharbor.example".</summary>
    public List<string> EmbedOrigins { get; set; } = [];

    /// <summary>Who to call in an emergency, in the practice's country: said beside the message field.</summary>
    public string CrisisLine { get; set; } = "call or text 988 (Suicide & Crisis Lifeline) or call 911";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    internal static partial Regex Colour();

    [GeneratedRegex("^/(?![/\\\\])[A-Za-z0-9._~/-]*$")]
    internal static partial Regex SameOriginPath();

    [GeneratedRegex("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")]
    internal static partial Regex Origin();
}

/// <summary>Refuses to start with settings that would break the pages' look or their Content-Security-Policy.</summary>
internal sealed class WebOptionsValidation : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var problems = new List<string>();
        if (!WebOptions.Colour().IsMatch(options.AccentColour))
            problems.Add("Web:AccentColour must be a colour written #rrggbb.");
        if (options.LogoUrl.Length > 0 && !WebOptions.SameOriginPath().IsMatch(options.LogoUrl))
            problems.Add("Web:LogoUrl must be a path on Intake's own origin (\"/brand/logo.svg\"): pages load nothing from another origin.");
        foreach (var origin in options.EmbedOrigins.Where(origin => !WebOptions.Origin().IsMatch(origin)))
            problems.Add($"Web:EmbedOrigins: \"{origin}\" is not an origin (scheme://host[:port], no path).");
        if (string.IsNullOrWhiteSpace(options.CrisisLine))
            problems.Add("Web:CrisisLine is required: the booking form tells visitors it is not for emergencies and whom to call.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

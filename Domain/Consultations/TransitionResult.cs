namespace Intake.Domain.Consultations;

/// <summary>
/// What a lifecycle transition did: <see cref="Ok"/>, or <see cref="Refused"/> naming the rule (one of
/// <see cref="Rules.ConsultationRules"/>) that did not allow it now. A refusal is an expected outcome (the API maps it
/// to 409) and leaves the request exactly as it was, with no event raised.
/// </summary>
public abstract record TransitionResult
{
    private TransitionResult()
    {
    }

    public bool IsOk => this is Ok;

    /// <summary>The transition happened and raised its event.</summary>
    public sealed record Ok : TransitionResult;

    /// <summary>The transition was not allowed now. <paramref name="Reason"/> names states and rules, never personal data.</summary>
    public sealed record Refused(string Rule, string Reason) : TransitionResult;
}

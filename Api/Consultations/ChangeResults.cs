using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Intake.Api.Consultations;

/// <summary>One mapping of a change's outcome to HTTP, for the therapist's and the prospect's endpoints alike.</summary>
public static class ChangeResults
{
    /// <param name="outcome">What the change came to.</param>
    /// <param name="notFound">How "not found" reads to this caller (a therapist's missing request, a prospect's dead link).</param>
    public static Results<Ok<ConsultationResponse>, ProblemHttpResult> ToHttp(ChangeOutcome outcome, Func<ProblemHttpResult> notFound) => outcome switch
    {
        ChangeOutcome.Changed changed => TypedResults.Ok(new ConsultationResponse(changed.Id.Value, changed.Status)),
        ChangeOutcome.Refused refused => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "That change is not possible now.",
            detail: refused.Reason,
            extensions: new Dictionary<string, object?> { ["rule"] = refused.Rule }),
        ChangeOutcome.ChangedMeanwhile => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The request changed meanwhile.",
            detail: "Another change to this request was saved a moment before this one, which was not made. Read the request again.",
            extensions: new Dictionary<string, object?> { ["rule"] = ConsultationRules.ChangedMeanwhile }),
        ChangeOutcome.SlotNotOpen => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "That time is not open.",
            detail: "The time is taken, outside the therapist's hours, too soon or too far ahead, or not one that was offered. Ask /api/slots for open times."),
        _ => notFound(),
    };
}

namespace Intake.Domain.Consultations.Changes;

/// <summary>What became of a change to a consultation request; the Api maps each case to a status.</summary>
public abstract record ChangeOutcome
{
    private ChangeOutcome()
    {
    }

    public sealed record Changed(ConsultationRequestId Id, ConsultationStatus Status) : ChangeOutcome;

    /// <summary>No such request, or not one this actor may see: the two are not told apart.</summary>
    public sealed record NotFound : ChangeOutcome;

    /// <summary>The aggregate refused by a named rule (an illegal transition): 409.</summary>
    public sealed record Refused(string Rule, string Reason) : ChangeOutcome;

    /// <summary>
    /// Another change to the request was saved after this one read it (rule ChangedMeanwhile): 409. Nothing of this
    /// change was written, none of its messages either.
    /// </summary>
    public sealed record ChangedMeanwhile : ChangeOutcome;

    /// <summary>The time asked for is not open, or was taken in the meantime: 409.</summary>
    public sealed record SlotNotOpen : ChangeOutcome;
}

using Intake.Domain.Availability;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// When a proposal the prospect has not answered lapses: once its last time can no longer be taken (its start less
/// the minimum notice, when a slot also stops being offered), or, with <paramref name="AnswerWithin"/> set, that long
/// after it was made if that comes first. Practice:ProposalAnswerHours sets the window; none by default.
/// </summary>
public readonly record struct ProposalExpiry(Duration MinimumNotice, Duration? AnswerWithin)
{
    public Instant DeadlineFor(IReadOnlyList<Slot> proposed, Instant madeAt)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        if (proposed.Count == 0)
            throw new ArgumentException("A proposal offers at least one time.", nameof(proposed));
        var lastTakeable = proposed.Max(s => s.Start) - MinimumNotice;
        return AnswerWithin is { } window && madeAt + window < lastTakeable ? madeAt + window : lastTakeable;
    }
}

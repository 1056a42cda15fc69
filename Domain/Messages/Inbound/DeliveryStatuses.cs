namespace Intake.Domain.Messages.Inbound;

/// <summary>
/// Twilio's message statuses as status callbacks report them, ranked by how far the message got:
/// queued, accepted, scheduled, sending (1) → sent (2) → delivered, undelivered, failed, canceled (3).
/// Callbacks arrive out of order, so only a report of a higher rank than the one kept replaces it.
/// </summary>
public static class DeliveryStatuses
{
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["queued"] = 1,
        ["accepted"] = 1,
        ["scheduled"] = 1,
        ["sending"] = 1,
        ["sent"] = 2,
        ["delivered"] = 3,
        ["undelivered"] = 3,
        ["failed"] = 3,
        ["canceled"] = 3,
    };

    /// <summary>The status as it is stored (lower case), or null for one this list does not rank.</summary>
    public static string? Normalise(string? status)
    {
        var lower = status?.Trim().ToLowerInvariant();
        return lower is not null && Ranks.ContainsKey(lower) ? lower : null;
    }

    /// <summary>How far a status means the message got; 0 for none or one this list does not rank.</summary>
    public static int RankOf(string? status) => status is not null && Ranks.TryGetValue(status, out var rank) ? rank : 0;

    /// <summary>The known statuses a report of <paramref name="status"/> may replace: those of a lower rank.</summary>
    public static IReadOnlyList<string> Below(string status)
    {
        var rank = RankOf(status);
        return Ranks.Where(known => known.Value < rank).Select(known => known.Key).ToList();
    }

    /// <summary>True for the final statuses that say the text did not reach the handset.</summary>
    public static bool IsUndelivered(string status) => status is "undelivered" or "failed";
}

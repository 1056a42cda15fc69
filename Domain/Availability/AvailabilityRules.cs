using NodaTime;

namespace Intake.Domain.Availability;

/// <summary>
/// The practice's booking rules, the same for every therapist. Every value is checked when it is set, so a rules
/// value that exists is one the slot calculator can use.
/// </summary>
public sealed record AvailabilityRules
{
    /// <summary>The longest booking horizon: two years, counting one leap day.</summary>
    public static readonly Duration MaxBookingHorizon = Duration.FromDays(731);

    /// <summary>15-minute calls, no buffer, 2 hours' notice, 30 days ahead, no daily cap.</summary>
    public static AvailabilityRules Default { get; } = new();

    /// <summary>How long one consultation lasts. Positive; 15 minutes unless the practice says otherwise.</summary>
    public Duration ConsultationLength
    {
        get;
        init => field = value > Duration.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ConsultationLength), value, "The consultation length must be positive.");
    } = Duration.FromMinutes(15);

    /// <summary>Free time kept between two calls of one therapist. Zero or more; zero by default.</summary>
    public Duration Buffer
    {
        get;
        init => field = value >= Duration.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Buffer), value, "The buffer cannot be negative.");
    } = Duration.Zero;

    /// <summary>How long before its start a slot stops being offered. Zero or more; 120 minutes by default.</summary>
    public Duration MinimumNotice
    {
        get;
        init => field = value >= Duration.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinimumNotice), value, "The minimum notice cannot be negative.");
    } = Duration.FromMinutes(120);

    /// <summary>
    /// How far ahead slots are offered: a slot must start before now plus this. Positive and at most
    /// <see cref="MaxBookingHorizon"/>; 30 days by default.
    /// </summary>
    public Duration BookingHorizon
    {
        get;
        init => field = value > Duration.Zero && value <= MaxBookingHorizon
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BookingHorizon), value, "The booking horizon must be positive and at most two years.");
    } = Duration.FromDays(30);

    /// <summary>
    /// At most this many bookings per therapist per day, the day being the therapist's own local date of each
    /// booking's start. Null (the default) means no cap; otherwise at least 1.
    /// </summary>
    public int? DailyCap
    {
        get;
        init => field = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DailyCap), value, "The daily cap must be at least 1, or absent.");
    }
}

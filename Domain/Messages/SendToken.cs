using Intake.Domain.Consultations;
using NodaTime;

namespace Intake.Domain.Messages;

/// <summary>
/// One of the N turns per second a channel's provider may be given, shared by every Worker on one database
/// (docs/decisions/009). A send takes a free token by one conditional UPDATE and gives it back when its call has
/// finished, free again one second later; a Worker that dies holding one loses it only until <see cref="HeldUntil"/>
/// and a second after.
/// </summary>
public sealed class SendToken
{
    private SendToken()
    {
    }

    public ContactChannel Channel { get; private set; }

    /// <summary>0 … N−1 for a ceiling of N per second; rows at or above the current N are not used.</summary>
    public int Slot { get; private set; }

    /// <summary>Free from this instant, when nobody holds it: a second after the last call made with it finished.</summary>
    public Instant AvailableAt { get; private set; }

    /// <summary>Who holds it now (one send), or null.</summary>
    public Guid? HolderToken { get; private set; }

    /// <summary>The latest moment the holder's call can still be running (its claim's lease); after it and a second, the token is free again.</summary>
    public Instant? HeldUntil { get; private set; }

    public static SendToken Free(ContactChannel channel, int slot, Instant now) => new() { Channel = channel, Slot = slot, AvailableAt = now };
}

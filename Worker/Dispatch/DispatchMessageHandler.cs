using MediatR;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Sends one message in four steps, each its own class: <see cref="MessageClaims"/> (claim it by one atomic
/// UPDATE), <see cref="DecideWhetherToSend"/> (is it still worth sending, and now), <see cref="SendMessage"/> (a turn
/// under the channel's ceiling, then the provider) and <see cref="RecordOutcome"/> (write what became of it, only
/// while the claim is ours). A <see cref="ClaimHeartbeat"/> extends the claim from the claim to the record, so no
/// other job can take a message that is still being sent. A duplicate or retried job finds nothing to claim, so a
/// message is handed to the provider once.
/// </summary>
internal sealed class DispatchMessageHandler(
    MessageClaims claims,
    ClaimHeartbeat heartbeat,
    DecideWhetherToSend decide,
    SendMessage send,
    RecordOutcome record) : IRequestHandler<DispatchMessage, DispatchResult>
{
    public async Task<DispatchResult> Handle(DispatchMessage command, CancellationToken cancellationToken)
    {
        if (await claims.TakeAsync(command.Id, cancellationToken) is not { } claim)
            return DispatchResult.NotClaimed;

        await using var beat = heartbeat.Start(claim);
        var decision = await decide.DecideAsync(claim.Message, cancellationToken);
        if (decision is not Decision.Send)
            return await ActOnAsync(claim, decision);

        SendOutcome outcome;
        SendPermit permit;
        try
        {
            permit = await send.WaitForTurnAsync(claim.Message, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down while waiting for a turn: nothing was sent, so the message is given back at once rather
            // than left Sending until its lease runs out.
            await claims.GiveBackAsync(claim);
            throw;
        }

        await using (permit)
        {
            if (permit.Waited)
            {
                // Time passed while waiting: the call may have been cancelled, the message may have passed its time
                // or reached the recipient's quiet hours, or a status report may have closed it.
                if (!await claims.StillHeldAsync(claim))
                {
                    permit.NotUsed();
                    return DispatchResult.NotClaimed;
                }

                decision = await decide.DecideAsync(claim.Message, cancellationToken);
                if (decision is not Decision.Send)
                {
                    permit.NotUsed();
                    return await ActOnAsync(claim, decision);
                }
            }

            outcome = await send.SendAsync(claim.Message, cancellationToken);
        }

        return await record.RecordAsync(claim, outcome, ((Decision.Send)decision).Request);
    }

    private Task<DispatchResult> ActOnAsync(Claim claim, Decision decision) => decision switch
    {
        Decision.Withdraw withdraw => record.CloseAsync(claim, withdraw),
        Decision.Defer defer => record.DeferAsync(claim, defer.Until),
        _ => throw new InvalidOperationException($"No action for {decision}."),
    };
}

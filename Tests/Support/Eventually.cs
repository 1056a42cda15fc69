namespace Intake.Tests.Support;

internal static class Eventually
{
    /// <summary>Polls until the condition holds or the time is up; true when it held.</summary>
    public static async Task<bool> TrueWithinAsync(TimeSpan timeout, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }

        return await condition();
    }
}

namespace Intake.Bench;

/// <summary>How much each figure does: the sizes in a full run, tiny ones in a quick run.</summary>
internal sealed record BenchSizes
{
    /// <summary>Measured runs of each figure; medians and spreads are taken over them.</summary>
    public required int Runs { get; init; }

    /// <summary>How long one closed-loop load run lasts, and its unrecorded warm-up.</summary>
    public required TimeSpan LoadDuration { get; init; }

    public required TimeSpan Warmup { get; init; }

    public int SlotQueryDays { get; init; } = 30;

    public required int SlotQueryBookings { get; init; }

    public required int[] SlotQueryConnections { get; init; }

    public required int[] ComputeDays { get; init; }

    public required int[] ComputeBookings { get; init; }

    public int BookingConnections { get; init; } = 16;

    public required int Contenders { get; init; }

    public required int DueMessages { get; init; }

    public int SmsCeiling { get; init; } = 50;

    public required int CeilingMessages { get; init; }

    public static BenchSizes Full { get; } = new()
    {
        Runs = 3,
        LoadDuration = TimeSpan.FromSeconds(4),
        Warmup = TimeSpan.FromSeconds(1),
        SlotQueryBookings = 1_000,
        SlotQueryConnections = [1, 16, 64],
        ComputeDays = [7, 30, 90, 365],
        ComputeBookings = [100, 1_000, 10_000],
        Contenders = 500,
        DueMessages = 10_000,
        CeilingMessages = 400,
    };

    public static BenchSizes QuickSizes { get; } = new()
    {
        Runs = 1,
        LoadDuration = TimeSpan.FromSeconds(1),
        Warmup = TimeSpan.FromMilliseconds(200),
        SlotQueryBookings = 50,
        SlotQueryConnections = [1, 16],
        ComputeDays = [7, 30],
        ComputeBookings = [100, 1_000],
        Contenders = 100,
        DueMessages = 300,
        CeilingMessages = 75,
    };
}

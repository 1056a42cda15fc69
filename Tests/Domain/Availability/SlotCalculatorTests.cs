using Intake.Domain.Availability;
using NodaTime;
using static Intake.Tests.Domain.Availability.AvailabilityTestData;

namespace Intake.Tests.Domain.Availability;

public class SlotCalculatorTests
{
    private static readonly DateTimeZone NewYork = Zone("America/New_York");
    private static readonly DateTimeZone London = Zone("Europe/London");
    private static readonly DateTimeZone Tokyo = Zone("Asia/Tokyo");
    private static readonly Duration Quarter = Duration.FromMinutes(15);

    /// <summary>The slots of one therapist-zone date, asked for in that same zone.</summary>
    private static IReadOnlyList<Slot> SlotsOn(TherapistSchedule schedule, LocalDate date, AvailabilityRules? rules = null, IEnumerable<Booking>? bookings = null, Instant? now = null) =>
        SlotCalculator.OpenSlots(rules ?? Unhurried, [schedule], bookings ?? [], now ?? LongBefore, date, date, schedule.Zone);

    private static void AssertBackToBack(IReadOnlyList<Slot> slots, int count, string? firstStart, string? lastEnd, Duration? step = null)
    {
        Assert.That(slots, Has.Count.EqualTo(count));
        if (count == 0)
            return;
        var first = Utc(firstStart!);
        var expected = Enumerable.Range(0, count).Select(i => first + (step ?? Quarter) * i).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(slots.Select(slot => slot.Start), Is.EqualTo(expected), "each slot follows the last in real time");
            Assert.That(slots.Select(slot => slot.End - slot.Start), Is.All.EqualTo(Quarter));
            Assert.That(slots[^1].End, Is.EqualTo(Utc(lastEnd!)));
        });
    }

    // ---- daylight saving: a window is the real time between its local ends ----

    [Test]
    public void OpenSlots_OnSpringForwardNight_WindowIsTwoHoursOfSlots()
    {
        // New York, 14 March 2027: 02:00 EST becomes 03:00 EDT, so 01:00-04:00 holds two real hours.
        var slots = SlotsOn(EveryDay("t", NewYork, "01:00-04:00"), Date("2027-03-14"));

        Assert.That(Starts(slots), Is.EqualTo(new[]
        {
            "2027-03-14T06:00Z", "2027-03-14T06:15Z", "2027-03-14T06:30Z", "2027-03-14T06:45Z",
            "2027-03-14T07:00Z", "2027-03-14T07:15Z", "2027-03-14T07:30Z", "2027-03-14T07:45Z",
        }));
    }

    [Test]
    public void OpenSlots_OnFallBackNight_WindowIsFourHoursOfSlots()
    {
        // New York, 7 November 2027: 02:00 EDT becomes 01:00 EST, so 01:00-04:00 holds four real hours,
        // from 01:00 EDT (the earlier 01:00) to 04:00 EST, with the repeated hour offered once per instant.
        var slots = SlotsOn(EveryDay("t", NewYork, "01:00-04:00"), Date("2027-11-07"));

        AssertBackToBack(slots, 16, "2027-11-07T05:00Z", "2027-11-07T09:00Z");
        Assert.That(slots.Select(slot => slot.Start), Is.Unique);
    }

    [TestCase("America/New_York", "2027-03-14", 8, "2027-03-14T06:00Z", "2027-03-14T08:00Z", TestName = "{m}: New York spring forward: 2 h")]
    [TestCase("America/New_York", "2027-11-07", 16, "2027-11-07T05:00Z", "2027-11-07T09:00Z", TestName = "{m}: New York fall back: 4 h")]
    [TestCase("America/New_York", "2027-03-21", 12, "2027-03-21T05:00Z", "2027-03-21T08:00Z", TestName = "{m}: New York ordinary night: 3 h")]
    [TestCase("Europe/London", "2027-03-28", 8, "2027-03-28T01:00Z", "2027-03-28T03:00Z", TestName = "{m}: London spring forward, start in the gap: 2 h")]
    [TestCase("Europe/London", "2027-10-31", 16, "2027-10-31T00:00Z", "2027-10-31T04:00Z", TestName = "{m}: London fall back, start ambiguous: 4 h")]
    [TestCase("Australia/Lord_Howe", "2027-04-04", 14, "2027-04-03T14:00Z", "2027-04-03T17:30Z", TestName = "{m}: Lord Howe back half an hour: 3.5 h")]
    [TestCase("Australia/Lord_Howe", "2027-10-03", 10, "2027-10-02T14:30Z", "2027-10-02T17:00Z", TestName = "{m}: Lord Howe forward half an hour: 2.5 h")]
    [TestCase("Asia/Kolkata", "2027-03-14", 12, "2027-03-13T19:30Z", "2027-03-13T22:30Z", TestName = "{m}: Kolkata, no daylight saving: 3 h")]
    [TestCase("Asia/Tokyo", "2027-11-07", 12, "2027-11-06T16:00Z", "2027-11-06T19:00Z", TestName = "{m}: Tokyo, no daylight saving: 3 h")]
    public void OpenSlots_OneToFourWindow_IsTheRealTimeBetweenItsLocalEnds(string zone, string date, int count, string firstStart, string lastEnd)
    {
        var slots = SlotsOn(EveryDay("t", Zone(zone), "01:00-04:00"), Date(date));

        AssertBackToBack(slots, count, firstStart, lastEnd);
    }

    [TestCase("2027-03-14", "02:30-04:00", 4, "2027-03-14T07:00Z", "2027-03-14T08:00Z", TestName = "{m}: start in the gap: 03:00 EDT")]
    [TestCase("2027-03-14", "01:30-02:30", 2, "2027-03-14T06:30Z", "2027-03-14T07:00Z", TestName = "{m}: end in the gap: 03:00 EDT")]
    [TestCase("2027-03-14", "02:00-02:30", 0, null, null, TestName = "{m}: window wholly in the gap: nothing")]
    [TestCase("2027-11-07", "01:30-02:00", 6, "2027-11-07T05:30Z", "2027-11-07T07:00Z", TestName = "{m}: ambiguous start: the earlier 01:30")]
    [TestCase("2027-11-07", "00:00-01:30", 10, "2027-11-07T04:00Z", "2027-11-07T06:30Z", TestName = "{m}: ambiguous end: the later 01:30")]
    [TestCase("2027-11-07", "01:00-01:30", 6, "2027-11-07T05:00Z", "2027-11-07T06:30Z", TestName = "{m}: both ends ambiguous: 1.5 h")]
    public void OpenSlots_WindowEdgeInAGapOrOverlap_ResolvesByTheDocumentedRule(string date, string window, int count, string? firstStart, string? lastEnd)
    {
        var slots = SlotsOn(OnlyOn("t", NewYork, Date(date), window), Date(date));

        AssertBackToBack(slots, count, firstStart, lastEnd);
    }

    // ---- windows next to midnight ----

    [TestCase("America/New_York", "2027-06-15", "00:00-01:00", 4, "2027-06-15T04:00Z", "2027-06-15T05:00Z", TestName = "{m}: New York 00:00-01:00")]
    [TestCase("America/New_York", "2027-06-15", "23:00-24:00", 4, "2027-06-16T03:00Z", "2027-06-16T04:00Z", TestName = "{m}: New York 23:00-24:00")]
    [TestCase("Asia/Kolkata", "2027-06-15", "23:00-24:00", 4, "2027-06-15T17:30Z", "2027-06-15T18:30Z", TestName = "{m}: Kolkata 23:00-24:00")]
    [TestCase("America/Santiago", "2027-09-04", "23:00-24:00", 4, "2027-09-05T03:00Z", "2027-09-05T04:00Z", TestName = "{m}: Santiago, next day starts 01:00: 24:00 is that start")]
    [TestCase("America/Santiago", "2027-09-05", "00:00-01:00", 0, null, null, TestName = "{m}: Santiago, midnight in the gap: nothing")]
    [TestCase("America/Santiago", "2027-09-05", "00:00-02:00", 4, "2027-09-05T04:00Z", "2027-09-05T05:00Z", TestName = "{m}: Santiago, day starts at 01:00")]
    [TestCase("America/Santiago", "2027-04-03", "23:00-24:00", 8, "2027-04-04T02:00Z", "2027-04-04T04:00Z", TestName = "{m}: Santiago, 23:00 repeated: 2 h")]
    [TestCase("Asia/Beirut", "2027-10-30", "23:00-24:00", 8, "2027-10-30T20:00Z", "2027-10-30T22:00Z", TestName = "{m}: Beirut, 23:00 repeated: 2 h")]
    [TestCase("America/Havana", "2027-11-06", "23:00-24:00", 4, "2027-11-07T03:00Z", "2027-11-07T04:00Z", TestName = "{m}: Havana, 00:00 repeated next day: 24:00 is the first midnight")]
    [TestCase("America/Havana", "2027-11-07", "00:00-01:00", 8, "2027-11-07T04:00Z", "2027-11-07T06:00Z", TestName = "{m}: Havana, 00:00 repeated: 2 h")]
    public void OpenSlots_WindowNextToMidnight_CoversItsOwnDayOnly(string zone, string date, string window, int count, string? firstStart, string? lastEnd)
    {
        // Asked for the window's date and the next, so a window running on past its day's end would show.
        var tz = Zone(zone);
        var slots = SlotCalculator.OpenSlots(Unhurried, [OnlyOn("t", tz, Date(date), window)], [], LongBefore, Date(date), Date(date).PlusDays(1), tz);

        AssertBackToBack(slots, count, firstStart, lastEnd);
    }

    [TestCase("America/New_York", "2027-11-07", "2027-11-07", new[] { "00:30-01:30", "01:30-02:30" }, 12, "2027-11-07T04:30Z", "2027-11-07T07:30Z", TestName = "{m}: two windows meeting in New York's repeated hour")]
    [TestCase("America/Havana", "2027-11-06", "2027-11-07", new[] { "23:00-24:00", "00:00-01:00" }, 12, "2027-11-07T03:00Z", "2027-11-07T06:00Z", TestName = "{m}: 23:00-24:00 then 00:00-01:00 over Havana's repeated midnight")]
    [TestCase("America/New_York", "2027-06-14", "2027-06-15", new[] { "23:00-24:00", "00:00-01:00" }, 8, "2027-06-15T03:00Z", "2027-06-15T05:00Z", TestName = "{m}: 23:00-24:00 then 00:00-01:00 on an ordinary night")]
    public void OpenSlots_AdjacentWindows_NeverOverlapInRealTime(string zone, string from, string to, string[] windows, int count, string firstStart, string lastEnd)
    {
        // The first window on the first date, the second window on the last date (the same date when they are equal).
        var tz = Zone(zone);
        var schedule = from == to
            ? OnlyOn("t", tz, Date(from), windows)
            : new TherapistSchedule("t", tz, new Dictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>>(),
                new Dictionary<LocalDate, IReadOnlyList<TimeWindow>> { [Date(from)] = Hours(windows[0]), [Date(to)] = Hours(windows[1]) });

        var slots = SlotCalculator.OpenSlots(Unhurried, [schedule], [], LongBefore, Date(from), Date(to), tz);

        AssertBackToBack(slots, count, firstStart, lastEnd);
    }

    // ---- the requested range, read in the prospect's zone ----

    [TestCase("America/Santiago", "2027-09-05", 92, "2027-09-05T04:00Z", "2027-09-06T02:45Z", TestName = "{m}: a 23-hour day that starts at 01:00")]
    [TestCase("America/Havana", "2027-11-07", 100, "2027-11-07T04:00Z", "2027-11-08T04:45Z", TestName = "{m}: a 25-hour day")]
    [TestCase("Europe/London", "2027-06-15", 96, "2027-06-14T23:00Z", "2027-06-15T22:45Z", TestName = "{m}: an ordinary day an hour off UTC")]
    public void OpenSlots_RequestedDay_SelectsStartsFromThatDaysFirstInstantToTheNextDays(string prospectZone, string date, int count, string firstStart, string lastStart)
    {
        var therapist = EveryDay("t", Zone("Etc/UTC"), "00:00-24:00");

        var slots = SlotCalculator.OpenSlots(Unhurried, [therapist], [], LongBefore, Date(date), Date(date), Zone(prospectZone));

        Assert.Multiple(() =>
        {
            Assert.That(slots, Has.Count.EqualTo(count));
            Assert.That(slots[0].Start, Is.EqualTo(Utc(firstStart)));
            Assert.That(slots[^1].Start, Is.EqualTo(Utc(lastStart)));
        });
    }

    [Test]
    public void OpenSlots_ProspectAheadOfTherapist_GetsTheTherapistsPreviousEveningOnTheirDate()
    {
        // 23:00 EDT on 14 June is 04:00 BST on 15 June: a Londoner asking for the 15th sees it, and not the 15th's evening.
        var therapist = EveryDay("t", NewYork, "23:00-24:00");

        var slots = SlotCalculator.OpenSlots(Unhurried, [therapist], [], LongBefore, Date("2027-06-15"), Date("2027-06-15"), London);

        Assert.That(Starts(slots), Is.EqualTo(new[] { "2027-06-15T03:00Z", "2027-06-15T03:15Z", "2027-06-15T03:30Z", "2027-06-15T03:45Z" }));
    }

    [Test]
    public void OpenSlots_SameRealTimeRangeAskedInDifferentZones_ReturnsTheSameInstants()
    {
        // A London therapist over London's change to BST (28 March 2027), asked for 26-30 March from three zones;
        // 09:00-14:00 London falls on the same date in New York and in Tokyo, so the three ranges hold the same time.
        var therapist = EveryDay("t", London, "09:00-14:00");
        var rules = Unhurried with { MinimumNotice = Duration.FromMinutes(120), BookingHorizon = Duration.FromDays(60) };
        var now = Instant.FromUtc(2027, 3, 1, 0, 0);

        IReadOnlyList<Slot> AskedIn(DateTimeZone zone) =>
            SlotCalculator.OpenSlots(rules, [therapist], [], now, Date("2027-03-26"), Date("2027-03-30"), zone);

        var fromLondon = AskedIn(London);
        Assert.Multiple(() =>
        {
            Assert.That(fromLondon, Has.Count.EqualTo(5 * 20));
            Assert.That(fromLondon[0].Start, Is.EqualTo(Utc("2027-03-26T09:00Z")));
            Assert.That(fromLondon[^1].Start, Is.EqualTo(Utc("2027-03-30T12:45Z")), "13:45 BST");
            Assert.That(AskedIn(NewYork), Is.EqualTo(fromLondon));
            Assert.That(AskedIn(Tokyo), Is.EqualTo(fromLondon));
        });
    }

    // ---- overrides ----

    [Test]
    public void OpenSlots_WithDateOverrides_UsesTheOverrideOnThatDateAndTheWeekElsewhere()
    {
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
            .ToDictionary(day => day, _ => Hours("09:00-12:00", "13:00-17:00"));
        var schedule = new TherapistSchedule("t", NewYork, weekdays, new Dictionary<LocalDate, IReadOnlyList<TimeWindow>>
        {
            [Date("2027-06-16")] = [],                          // Wednesday off
            [Date("2027-06-17")] = Hours("10:00-11:00"),      // Thursday short
            [Date("2027-06-19")] = Hours("09:00-10:00"),      // one Saturday morning
        });

        var slots = SlotCalculator.OpenSlots(Unhurried, [schedule], [], LongBefore, Date("2027-06-15"), Date("2027-06-20"), NewYork);
        var perDay = slots.CountBy(slot => slot.Start.InZone(NewYork).Date).ToDictionary();

        Assert.Multiple(() =>
        {
            Assert.That(perDay, Is.EqualTo(new Dictionary<LocalDate, int>
            {
                [Date("2027-06-15")] = 28,
                [Date("2027-06-17")] = 4,
                [Date("2027-06-18")] = 28,
                [Date("2027-06-19")] = 4,
            }));
            Assert.That(slots.Where(slot => slot.Start.InZone(NewYork).Date == Date("2027-06-17")).Select(slot => slot.Start),
                Is.EqualTo(new[] { "10:00", "10:15", "10:30", "10:45" }.Select(time => Local(NewYork, $"2027-06-17T{time}"))));
            Assert.That(slots.Any(slot => slot.Start == Local(NewYork, "2027-06-15T12:00")), Is.False, "lunch between the two windows");
        });
    }

    // ---- buffer and bookings ----

    [Test]
    public void OpenSlots_WithBuffer_SpacesSlotsByLengthPlusBufferAndEndsByTheWindowsEnd()
    {
        var rules = Unhurried with { Buffer = Duration.FromMinutes(5) };

        var slots = SlotsOn(EveryDay("t", NewYork, "09:00-10:00"), Date("2027-06-15"), rules);

        AssertBackToBack(slots, 3, "2027-06-15T13:00Z", "2027-06-15T13:55Z", Duration.FromMinutes(20));
    }

    [TestCase(0, "10:00", "10:15", "09:00 09:15 09:30 09:45 10:15 10:30 10:45", TestName = "{m}: booking on a slot removes that slot")]
    [TestCase(0, "10:05", "10:20", "09:00 09:15 09:30 09:45 10:30 10:45", TestName = "{m}: booking across two slots removes both")]
    [TestCase(0, "08:30", "09:00", "09:00 09:15 09:30 09:45 10:00 10:15 10:30 10:45", TestName = "{m}: booking ending at a slot's start removes nothing")]
    [TestCase(10, "10:00", "10:15", "09:00 09:25 10:40", TestName = "{m}: buffer widens the booking on both sides")]
    [TestCase(10, "09:00", "09:15", "09:25 09:50 10:15 10:40", TestName = "{m}: buffer exactly filled by the gap between slots")]
    [TestCase(10, "08:40", "08:51", "09:25 09:50 10:15 10:40", TestName = "{m}: booking before the window still needs its buffer")]
    public void OpenSlots_WithABooking_RemovesTheSlotsItOverlapsOnceBothAreWidenedByTheBuffer(int bufferMinutes, string bookingStart, string bookingEnd, string expectedStarts)
    {
        var rules = Unhurried with { Buffer = Duration.FromMinutes(bufferMinutes) };
        var booking = new Booking("t", Local(NewYork, $"2027-06-15T{bookingStart}"), Local(NewYork, $"2027-06-15T{bookingEnd}"));

        var slots = SlotsOn(EveryDay("t", NewYork, "09:00-11:00"), Date("2027-06-15"), rules, [booking]);

        Assert.That(slots.Select(slot => slot.Start),
            Is.EqualTo(expectedStarts.Split(' ').Select(time => Local(NewYork, $"2027-06-15T{time}"))));
    }

    [Test]
    public void OpenSlots_WithOverlappingAndUnsortedBookings_RemovesEverySlotAnyOfThemTouches()
    {
        Booking At(string start, string end) => new("t", Local(NewYork, $"2027-06-15T{start}"), Local(NewYork, $"2027-06-15T{end}"));
        var bookings = new[] { At("10:30", "10:45"), At("09:00", "10:00"), At("09:15", "09:30"), At("09:50", "10:10") };

        var slots = SlotsOn(EveryDay("t", NewYork, "09:00-11:00"), Date("2027-06-15"), bookings: bookings);

        Assert.That(slots.Select(slot => slot.Start),
            Is.EqualTo(new[] { "10:15", "10:45" }.Select(time => Local(NewYork, $"2027-06-15T{time}"))));
    }

    // ---- notice and horizon ----

    [TestCase(0, 32, "09:00")]
    [TestCase(60, 32, "09:00")]
    [TestCase(120, 28, "10:00")]
    [TestCase(125, 27, "10:15")]
    [TestCase(480, 4, "16:00")]
    [TestCase(481, 3, "16:15")]
    [TestCase(541, 0, null)]
    public void OpenSlots_WithMinimumNotice_OffersOnlySlotsStartingThatLongAfterNow(int noticeMinutes, int count, string? firstStart)
    {
        var now = Local(NewYork, "2027-06-15T08:00");
        var rules = Unhurried with { MinimumNotice = Duration.FromMinutes(noticeMinutes) };

        var slots = SlotsOn(EveryDay("t", NewYork, "09:00-17:00"), Date("2027-06-15"), rules, now: now);

        Assert.That(slots, Has.Count.EqualTo(count));
        if (firstStart is not null)
            Assert.That(slots[0].Start, Is.EqualTo(Local(NewYork, $"2027-06-15T{firstStart}")));
    }

    [TestCase(24 * 60 + 60, 0)]
    [TestCase(24 * 60 + 61, 1)]
    [TestCase(24 * 60 + 90, 2)]
    [TestCase(24 * 60 + 91, 3)]
    public void OpenSlots_WithBookingHorizon_OffersOnlySlotsStartingBeforeNowPlusHorizon(int horizonMinutes, int countNextDay)
    {
        // Now is 08:00 on the 15th; a day and an hour later is 09:00 on the 16th, when the window opens.
        var now = Local(NewYork, "2027-06-15T08:00");
        var rules = Unhurried with { BookingHorizon = Duration.FromMinutes(horizonMinutes) };

        var slots = SlotsOn(EveryDay("t", NewYork, "09:00-17:00"), Date("2027-06-16"), rules, now: now);

        Assert.That(slots.Select(slot => slot.Start),
            Is.EqualTo(Enumerable.Range(0, countNextDay).Select(i => Local(NewYork, "2027-06-16T09:00") + Quarter * i)));
    }

    [Test]
    public void OpenSlots_AtTheTwoYearHorizon_StopsExactlyAtNowPlusHorizon()
    {
        // 731 days after 2027-01-01T00:00Z is 2029-01-01T00:00Z (2028 is a leap year).
        var therapist = EveryDay("t", Zone("Etc/UTC"), "00:00-24:00");

        var slots = SlotCalculator.OpenSlots(Unhurried, [therapist], [], LongBefore, Date("2028-12-31"), Date("2029-01-02"), Zone("Etc/UTC"));

        Assert.Multiple(() =>
        {
            Assert.That(slots, Has.Count.EqualTo(96));
            Assert.That(slots[^1].Start, Is.EqualTo(Utc("2028-12-31T23:45Z")));
        });
    }

    [Test]
    public void OpenSlots_RangeFarBeyondTheHorizon_IsEmptyAndDoesNotOverflow()
    {
        var therapist = EveryDay("t", NewYork, "09:00-17:00");

        var early = SlotCalculator.OpenSlots(AvailabilityRules.Default, [therapist], [], LongBefore, LocalDate.MinIsoValue, Date("2026-12-31"), NewYork);
        var late = SlotCalculator.OpenSlots(AvailabilityRules.Default, [therapist], [], LongBefore, Date("2027-06-01"), LocalDate.MaxIsoValue, NewYork);
        var everything = SlotCalculator.OpenSlots(AvailabilityRules.Default, [therapist], [], LongBefore, LocalDate.MinIsoValue, LocalDate.MaxIsoValue, NewYork);

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Empty);
            Assert.That(late, Is.Empty);
            // Default rules: 2 h notice and 30 days from 19:00 EST on 31 December: 1-30 January, 32 slots a day.
            Assert.That(everything, Has.Count.EqualTo(30 * 32));
        });
    }

    // ---- daily cap ----

    [Test]
    public void OpenSlots_WhenTheDayIsAtTheCap_OffersNothingThatDayAndTheRestBelowIt()
    {
        var rules = Unhurried with { DailyCap = 2 };
        Booking At(string local) => new("t", Local(NewYork, local), Local(NewYork, local) + Quarter);
        Booking[] bookings = [At("2027-06-15T10:00"), At("2027-06-15T14:00"), At("2027-06-16T10:00")];

        var slots = SlotCalculator.OpenSlots(rules, [EveryDay("t", NewYork, "09:00-17:00")], bookings, LongBefore, Date("2027-06-15"), Date("2027-06-16"), NewYork);
        var perDay = slots.CountBy(slot => slot.Start.InZone(NewYork).Date).ToDictionary();

        Assert.That(perDay, Is.EqualTo(new Dictionary<LocalDate, int> { [Date("2027-06-16")] = 31 }));
    }

    [Test]
    public void OpenSlots_DailyCap_CountsBookingsOnTheTherapistsLocalDate()
    {
        // 03:00Z on the 18th is 23:00 on the 17th in New York: it fills the 17th, not the 18th, whatever zone asks.
        var rules = Unhurried with { DailyCap = 1 };
        var lateCall = new Booking("t", Utc("2027-06-18T03:00Z"), Utc("2027-06-18T03:15Z"));
        var therapist = EveryDay("t", NewYork, "09:00-17:00", "23:00-24:00");

        var slots = SlotCalculator.OpenSlots(rules, [therapist], [lateCall], LongBefore, Date("2027-06-17"), Date("2027-06-18"), Tokyo);
        var perTherapistDay = slots.CountBy(slot => slot.Start.InZone(NewYork).Date).ToDictionary();

        // Tokyo's 17th and 18th run from 11:00 on the 16th to 11:00 on the 18th in New York; the 17th is full.
        Assert.That(perTherapistDay, Is.EqualTo(new Dictionary<LocalDate, int>
        {
            [Date("2027-06-16")] = 24 + 4,    // 11:00-17:00 and 23:00-24:00
            [Date("2027-06-18")] = 8,         // 09:00-11:00
        }));
    }

    // ---- several therapists ----

    [Test]
    public void OpenSlots_SeveralTherapists_SortedByStartThenTherapistAndFilteredById()
    {
        // 09:00 EDT and 14:00 BST are both 13:00Z.
        TherapistSchedule[] schedules = [EveryDay("b", London, "14:00-15:00"), EveryDay("a", NewYork, "09:00-10:00")];
        Booking[] bookings = [new("b", Utc("2027-06-15T13:15Z"), Utc("2027-06-15T13:30Z")), new("nobody", Utc("2027-06-15T13:00Z"), Utc("2027-06-15T14:00Z"))];
        var utc = Zone("Etc/UTC");

        IReadOnlyList<Slot> Ask(string? therapistId) =>
            SlotCalculator.OpenSlots(Unhurried, schedules, bookings, LongBefore, Date("2027-06-15"), Date("2027-06-15"), utc, therapistId);

        Assert.Multiple(() =>
        {
            Assert.That(Ask(null).Select(slot => $"{slot.TherapistId} {slot.Start}"), Is.EqualTo(new[]
            {
                "a 2027-06-15T13:00:00Z", "b 2027-06-15T13:00:00Z",
                "a 2027-06-15T13:15:00Z",
                "a 2027-06-15T13:30:00Z", "b 2027-06-15T13:30:00Z",
                "a 2027-06-15T13:45:00Z", "b 2027-06-15T13:45:00Z",
            }));
            Assert.That(Ask("b").Select(slot => slot.TherapistId), Is.EqualTo(new[] { "b", "b", "b" }));
            Assert.That(Ask("c"), Is.Empty);
        });
    }

    [Test]
    public void OpenSlots_TwoSchedulesForOneTherapist_Throws()
    {
        TherapistSchedule[] schedules = [EveryDay("a", NewYork, "09:00-10:00"), EveryDay("a", London, "09:00-10:00")];

        Assert.That(() => SlotCalculator.OpenSlots(Unhurried, schedules, [], LongBefore, Date("2027-06-15"), Date("2027-06-15"), NewYork),
            Throws.ArgumentException);
    }

    [Test]
    public void OpenSlots_RangeEndingBeforeItStarts_Throws()
    {
        Assert.That(() => SlotCalculator.OpenSlots(Unhurried, [EveryDay("a", NewYork, "09:00-10:00")], [], LongBefore, Date("2027-06-15"), Date("2027-06-14"), NewYork),
            Throws.ArgumentException);
    }

    // ---- many bookings (cost is measured by the benchmarks, not asserted here) ----

    [Test]
    public void OpenSlots_TwoYearsOfFiveFullTimeTherapistsHalfBooked_LeavesExactlyTheFreeHalf()
    {
        // 5 therapists x 731 days x 96 slots, every other slot booked (175,440 bookings, given in reverse order).
        var utc = Zone("Etc/UTC");
        var ids = new[] { "t1", "t2", "t3", "t4", "t5" };
        var schedules = ids.Select(id => EveryDay(id, utc, "00:00-24:00")).ToArray();
        var bookings = ids
            .SelectMany(id => Enumerable.Range(0, 731 * 48).Select(i => LongBefore + Duration.FromMinutes(30 * i))
                .Select(start => new Booking(id, start, start + Quarter)))
            .Reverse()
            .ToArray();

        var slots = SlotCalculator.OpenSlots(Unhurried, schedules, bookings, LongBefore, Date("2027-01-01"), Date("2028-12-31"), utc);

        Assert.Multiple(() =>
        {
            Assert.That(slots, Has.Count.EqualTo(5 * 731 * 48));
            Assert.That(slots[0], Is.EqualTo(new Slot("t1", Utc("2027-01-01T00:15Z"), Utc("2027-01-01T00:30Z"))));
            Assert.That(slots[^1], Is.EqualTo(new Slot("t5", Utc("2028-12-31T23:45Z"), Utc("2029-01-01T00:00Z"))));
        });
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.AcceptProposedTime;
using Intake.Domain.Consultations.CancelConsultation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.CompleteConsultation;
using Intake.Domain.Consultations.ConfirmConsultation;
using Intake.Domain.Consultations.DeclineConsultation;
using Intake.Domain.Consultations.ExpireOverdueRequests;
using Intake.Domain.Consultations.MarkNoShow;
using Intake.Domain.Consultations.ProposeAlternativeTimes;
using Intake.Domain.Consultations.RequestConsultation;
using Intake.Domain.Consultations.RescheduleConsultation;
using Intake.Domain.Practices;
using Intake.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Api;

/// <summary>
/// Whatever sequence of changes the prospects, two therapists and the expiry job make — four at a time, racing,
/// while the clock moves — every change ends in an outcome (never an exception), and holds always match status.
/// Seeded, so a failing sequence can be replayed.
/// </summary>
[Category("Concurrency")]
public class ChangeSequenceTests
{
    private const int Steps = 240;
    private const int AtOnce = 4;
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);
    private static readonly string[] Therapists = ["t1", "t2"];

    [TestCase(20270310)]
    [TestCase(5)]
    public async Task RandomChanges_FourAtATime_KeepHoldsAndStatusInAgreement(int seed)
    {
        var clock = new FakeClock(Now);
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database, clock);
        await TherapistAccounts.AddTherapistAsync(database, TherapistAccounts.London("t2"));
        using var client = api.CreateClient();
        var starts = new Dictionary<string, List<string>>();
        foreach (var therapist in Therapists)
            starts[therapist] = await OpenStartsAsync(client, therapist);

        var random = new Random(seed);
        var ids = new List<ConsultationRequestId>();
        var outcomes = new Dictionary<string, int>();
        for (var step = 0; step < Steps; step += AtOnce)
        {
            var batch = Enumerable.Range(0, AtOnce).Select(_ => NextChange(random, ids, starts)).ToList();
            var results = await Task.WhenAll(batch.Select(change => SendAsync(api, change)));
            foreach (var result in results)
            {
                if (result is RequestOutcome.Accepted accepted)
                    ids.Add(accepted.Id);
                var name = result.GetType().Name;
                outcomes[name] = outcomes.GetValueOrDefault(name) + 1;
            }

            clock.Advance(Duration.FromMinutes(random.Next(0, 180)));
        }

        await HoldsInvariant.AssertHoldsMatchStatusAsync(database, api.Services.GetRequiredService<IOptions<PracticeOptions>>().Value);
        await using var db = database.Open();
        var statuses = await db.ConsultationRequests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        TestContext.Progress.WriteLine($"seed {seed} on {TestDatabase.Provider}: "
            + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")) + "; ended "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count}")));
        Assert.That(outcomes.Keys, Does.Contain(nameof(ChangeOutcome.Changed)), "the sequence changed something");
    }

    /// <summary>A request, a change by either side to a request made earlier, or the expiry job.</summary>
    private static object NextChange(Random random, List<ConsultationRequestId> ids, Dictionary<string, List<string>> starts)
    {
        var therapist = Therapists[random.Next(Therapists.Length)];
        string Start(string who) => starts[who][random.Next(starts[who].Count)];
        var by = new ConsultationActor.Therapist(therapist);
        if (ids.Count < 4 || random.Next(5) == 0)
        {
            return random.Next(3) == 0
                ? Requests.ByText()
                : Requests.ByText() with { SlotStart = Start("t1"), TherapistId = "t1" };
        }

        var id = ids[random.Next(ids.Count)];
        return random.Next(11) switch
        {
            0 => new ConfirmConsultation(id, by, null),
            1 => new ConfirmConsultation(id, by, Start(therapist)),
            2 => new DeclineConsultation(id, by, "Not this month."),
            3 => new ProposeAlternativeTimes(id, by, [Start(therapist), Start(therapist)]),
            4 => new AcceptProposedTime(id, new ConsultationActor.Prospect(), Start(therapist)),
            5 => new RescheduleConsultation(id, random.Next(2) == 0 ? by : new ConsultationActor.Prospect(), Start(therapist)),
            6 => new CancelConsultation(id, random.Next(2) == 0 ? by : new ConsultationActor.Prospect()),
            7 => new CompleteConsultation(id, by),
            8 => new MarkNoShow(id, by),
            _ => new ExpireOverdueRequests(),
        };
    }

    private static async Task<object> SendAsync(ApiFactory api, object change)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        object? result = change switch
        {
            IRequest<ChangeOutcome> request => await mediator.Send(request),
            IRequest<RequestOutcome> request => await mediator.Send(request),
            ExpireOverdueRequests expiry => new ExpiryRan(await mediator.Send(expiry)),
            _ => throw new ArgumentException($"No such change: {change.GetType().Name}", nameof(change)),
        };
        return result ?? throw new AssertionException($"{change.GetType().Name} came back with nothing");
    }

    private static async Task<List<string>> OpenStartsAsync(HttpClient client, string therapistId)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/slots?from=2027-03-11&to=2027-03-19&timeZone=UTC&therapistId={therapistId}");
        return list.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!).ToList();
    }

    private sealed record ExpiryRan(int Expired);
}

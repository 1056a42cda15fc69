using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ExpireOverdueRequests;
using Intake.Domain.Consultations.Rules;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Intake.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Tests.Api;

/// <summary>
/// Two actors change one request at the same moment, over HTTP, many times over: exactly one change is answered 200
/// and written with its messages; the other is answered 409 ChangedMeanwhile and leaves no trace. A
/// <see cref="SaveGate"/> makes both read the request before either saves, so every round is a real collision.
/// </summary>
[Category("Concurrency")]
public class ConcurrentChangeTests : TwoTherapistsTests
{
    private const int Rounds = 50;

    private readonly SaveGate _gate = new();

    private protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton<ISaveChangesInterceptor>(_gate);

    [Test]
    public async Task CancelAndConfirm_AtTheSameMoment_ExactlyOneIsWrittenWithOnlyItsMessages()
    {
        var slots = await OpenStartsAsync("t1");
        var won = new Dictionary<string, int> { ["cancel"] = 0, ["confirm"] = 0 };
        for (var round = 0; round < Rounds; round++)
        {
            var id = await HoldAsync(slots.Dequeue());

            _gate.Expect(2);
            var (cancel, confirm) = await Race.BothAsync(
                () => Anonymous.PostAsync($"/api/manage/{ManageToken(id)}/cancel", null),
                () => PostActionAsync(Ada, id, "confirm"));

            var winner = await WinnerAsync(round, ("cancel", cancel), ("confirm", confirm));
            won[winner]++;
            var (status, kinds) = await StateAsync(id);
            if (winner == "cancel")
            {
                Assert.That(status, Is.EqualTo(ConsultationStatus.Cancelled));
                Assert.That(kinds, Does.Contain(MessageKind.Cancelled).And.No.Member(MessageKind.Confirmed).And.No.Member(MessageKind.Reminder));
            }
            else
            {
                Assert.That(status, Is.EqualTo(ConsultationStatus.Confirmed));
                Assert.That(kinds, Does.Contain(MessageKind.Confirmed).And.No.Member(MessageKind.Cancelled).And.No.Member(MessageKind.TherapistCancelledAlert));
            }
        }

        await AssertHoldsMatchStatusAsync();
        Race.Report(won, Rounds, "; every loser 409 ChangedMeanwhile");
    }

    [Test]
    public async Task ConfirmAndConfirm_TwoTherapistsGiveOneCallbackATime_ExactlyOneTakesIt()
    {
        var adaSlots = await OpenStartsAsync("t1");
        var benSlots = await OpenStartsAsync("t2");
        var won = new Dictionary<string, int> { ["t1"] = 0, ["t2"] = 0 };
        for (var round = 0; round < Rounds; round++)
        {
            var id = await CallbackAsync();
            var (adaSlot, benSlot) = (adaSlots.Dequeue(), benSlots.Dequeue());

            _gate.Expect(2);
            var (ada, ben) = await Race.BothAsync(
                () => Ada.PostAsJsonAsync($"/api/therapist/consultations/{id}/confirm", new { slotStart = adaSlot }),
                () => Ben.PostAsJsonAsync($"/api/therapist/consultations/{id}/confirm", new { slotStart = benSlot }));

            var winner = await WinnerAsync(round, ("t1", ada), ("t2", ben));
            won[winner]++;
            await using var db = Database.Open();
            var request = await db.ConsultationRequests.AsNoTracking().Include(r => r.Holds).SingleAsync(r => r.Id == new ConsultationRequestId(id));
            Assert.That((request.Status, request.TherapistId), Is.EqualTo((ConsultationStatus.Confirmed, winner)));
            Assert.That(request.Holds.Select(h => h.TherapistId).Distinct(), Is.EqualTo(new[] { winner }));
            Assert.That(await db.Messages.CountAsync(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.Confirmed),
                Is.EqualTo(1));
            var loser = winner == "t1" ? Ben : Ada;
            using var hidden = await loser.GetAsync($"/api/therapist/consultations/{id}");
            Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the callback is the winner's now");
        }

        await AssertHoldsMatchStatusAsync();
        Race.Report(won, Rounds, "; every loser 409 ChangedMeanwhile");
    }

    [Test]
    public async Task ExpireAndConfirm_AtTheSameMoment_ExactlyOneIsWrittenWithOnlyItsMessages()
    {
        var slots = await OpenStartsAsync("t1");
        var notice = Duration.FromMinutes(Api.Services.GetRequiredService<IOptions<PracticeOptions>>().Value.MinimumNoticeMinutes);
        var won = new Dictionary<string, int> { ["expire"] = 0, ["confirm"] = 0 };
        for (var round = 0; round < Rounds; round++)
        {
            var start = slots.Dequeue();
            var id = await HoldAsync(start);
            // Inside the notice, before the call: the job may expire it, the therapist may still confirm it.
            Clock.Reset(SlotInstant(start) - notice + Duration.FromMinutes(1));

            _gate.Expect(2);
            var expire = Task.Run(async () =>
            {
                await using var scope = Api.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpireOverdueRequests());
            });
            var confirm = PostActionAsync(Ada, id, "confirm");
            await Task.WhenAll(expire, confirm);
            using var confirmed = await confirm;

            var (status, kinds) = await StateAsync(id);
            if (confirmed.StatusCode == HttpStatusCode.OK)
            {
                won["confirm"]++;
                Assert.That(await expire, Is.Zero, $"round {round}: both were written");
                Assert.That(status, Is.EqualTo(ConsultationStatus.Confirmed));
                Assert.That(kinds, Does.Contain(MessageKind.Confirmed).And.No.Member(MessageKind.Expired));
            }
            else
            {
                won["expire"]++;
                await AssertChangedMeanwhileAsync(round, confirmed);
                Assert.That(await expire, Is.EqualTo(1), $"round {round}: neither was written");
                Assert.That(status, Is.EqualTo(ConsultationStatus.Expired));
                Assert.That(kinds, Does.Contain(MessageKind.Expired).And.No.Member(MessageKind.Confirmed).And.No.Member(MessageKind.Reminder));
            }
        }

        await AssertHoldsMatchStatusAsync();
        Race.Report(won, Rounds, "; every loser 409 ChangedMeanwhile");
    }

    [Test]
    public async Task RescheduleAndCancel_AtTheSameMoment_ExactlyOneIsWrittenWithOnlyItsMessages()
    {
        var slots = await OpenStartsAsync("t1");
        var won = new Dictionary<string, int> { ["reschedule"] = 0, ["cancel"] = 0 };
        for (var round = 0; round < Rounds; round++)
        {
            var id = await HoldAsync(slots.Dequeue());
            Assert.That(await ActAsync(Ada, id, "confirm"), Is.EqualTo(HttpStatusCode.OK));
            var moveTo = slots.Dequeue();

            _gate.Expect(2);
            var (reschedule, cancel) = await Race.BothAsync(
                () => Anonymous.PostAsJsonAsync($"/api/manage/{ManageToken(id)}/reschedule", new { slotStart = moveTo }),
                () => PostActionAsync(Ada, id, "cancel"));

            var winner = await WinnerAsync(round, ("reschedule", reschedule), ("cancel", cancel));
            won[winner]++;
            var (status, kinds) = await StateAsync(id);
            if (winner == "reschedule")
            {
                Assert.That(status, Is.EqualTo(ConsultationStatus.Confirmed));
                Assert.That(kinds, Does.Contain(MessageKind.Rescheduled).And.No.Member(MessageKind.Cancelled));
                Assert.That(await SlotStartAsync(id), Is.EqualTo(SlotInstant(moveTo)));
            }
            else
            {
                Assert.That(status, Is.EqualTo(ConsultationStatus.Cancelled));
                Assert.That(kinds, Does.Contain(MessageKind.Cancelled).And.No.Member(MessageKind.Rescheduled));
            }
        }

        await AssertHoldsMatchStatusAsync();
        Race.Report(won, Rounds, "; every loser 409 ChangedMeanwhile");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /// <summary>Exactly one side answered 200 and the other 409 ChangedMeanwhile; the winner's name.</summary>
    private static async Task<string> WinnerAsync(int round, (string Name, HttpResponseMessage Response) a, (string Name, HttpResponseMessage Response) b)
    {
        using var first = a.Response;
        using var second = b.Response;
        var codes = new[] { first.StatusCode, second.StatusCode };
        Assert.That(codes, Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }), $"round {round}: {a.Name} and {b.Name} answered");
        var (winner, loser) = first.StatusCode == HttpStatusCode.OK ? (a.Name, second) : (b.Name, first);
        await AssertChangedMeanwhileAsync(round, loser);
        return winner;
    }

    private static async Task AssertChangedMeanwhileAsync(int round, HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), $"round {round}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("rule").GetString(), Is.EqualTo(ConsultationRules.ChangedMeanwhile), $"round {round}");
    }

    private Task<Queue<string>> OpenStartsAsync(string therapistId) => OpenStartsAsync(therapistId, 2 * Rounds);

    private async Task<Instant?> SlotStartAsync(Guid id)
    {
        await using var db = Database.Open();
        return await db.ConsultationRequests.Where(r => r.Id == new ConsultationRequestId(id)).Select(r => r.SlotStart).SingleAsync();
    }


    private static Instant SlotInstant(string start) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(start).GetValueOrThrow().ToInstant();
}

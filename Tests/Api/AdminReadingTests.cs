using System.Net;
using System.Net.Http.Headers;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.ConfirmConsultation;
using Intake.Domain.Therapists.MessageLog;
using Intake.Domain.Therapists.TherapistConsultations;
using Intake.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Api;

/// <summary>
/// The practice's administrator reads what every therapist's inbox holds (TherapistVisibility.VisibleToAdmin), and acts
/// only as any therapist may: Ben (t2) reading Ada's (t1) request cannot change it. The JSON API is unchanged.
/// </summary>
public class AdminReadingTests : TwoTherapistsTests
{
    private const string AdaMondayNine = "2027-03-15T09:00:00-04:00";
    private const string BenMondayNine = "2027-03-15T09:00:00+00:00";

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Test]
    public async Task AnAdministrator_ReadsAnotherTherapistsRequest_ButCannotChangeIt()
    {
        var id = new ConsultationRequestId(await HoldAsync(AdaMondayNine));

        var asTherapist = await SendAsync(new GetTherapistConsultation("t2", id));
        var asAdmin = await SendAsync(new GetTherapistConsultation("t2", id, AsAdmin: true));
        var history = await SendAsync(new GetConsultationHistory("t2", id, AsAdmin: true));
        var messages = await SendAsync(new GetMessageLog("t2", id, AsAdmin: true));
        var confirmed = await SendAsync(new ConfirmConsultation(id, new ConsultationActor.Therapist("t2"), null));
        var after = await SendAsync(new GetTherapistConsultation("t1", id));

        Assert.Multiple(() =>
        {
            Assert.That(asTherapist, Is.Null, "without the administrator's reading, another's request does not exist");
            Assert.That(asAdmin?.Consultation.TherapistId, Is.EqualTo("t1"));
            Assert.That(asAdmin?.TimeZone.Id, Is.EqualTo("Europe/London"), "read in the reader's own zone");
            Assert.That(history, Is.Not.Null.And.Not.Empty);
            Assert.That(messages, Is.Not.Null.And.Not.Empty);
            Assert.That(confirmed, Is.InstanceOf<ChangeOutcome.NotFound>());
            Assert.That(after?.Consultation.Status, Is.EqualTo(ConsultationStatus.Pending));
        });
    }

    [Test]
    public async Task EveryTherapistsInbox_HoldsWhatEachInboxHolds()
    {
        var adas = await HoldAsync(AdaMondayNine);
        var bens = await HoldAsync(BenMondayNine, therapistId: "t2");
        var callback = await CallbackAsync();

        var every = await SendAsync(new GetTherapistInbox("t1", 1, EveryTherapist: true));
        var ada = await SendAsync(new GetTherapistInbox("t1", 1));
        var ben = await SendAsync(new GetTherapistInbox("t2", 1));

        Assert.Multiple(() =>
        {
            Assert.That(every.NeedsAction.Select(i => i.Id.Value), Is.EquivalentTo(new[] { adas, bens, callback }));
            Assert.That(every.NeedsAction.Select(i => i.Id.Value),
                Is.EquivalentTo(ada.NeedsAction.Concat(ben.NeedsAction).Select(i => i.Id.Value).Distinct()));
            Assert.That(every.NeedsAction.Single(i => i.Id.Value == bens).TherapistId, Is.EqualTo("t2"));
            Assert.That(every.NeedsAction.Single(i => i.Id.Value == callback).TherapistId, Is.Null);
            Assert.That(every.TimeZone.Id, Is.EqualTo("America/New_York"), "the reader's zone");
            Assert.That(ben.NeedsAction.Select(i => i.Id.Value), Does.Not.Contain(adas));
        });
    }

    [Test]
    public async Task TheJsonApi_ForAnAdministrator_StillAnswers404ForAnotherTherapistsRequest()
    {
        var id = await HoldAsync(AdaMondayNine);
        await TherapistAccounts.MakeAdminAsync(Api, "ben@calmharbor.example");
        using var admin = Api.CreateClient();
        admin.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await TherapistAccounts.LoginAsync(admin, "ben@calmharbor.example"));

        using var read = await admin.GetAsync($"/api/therapist/consultations/{id}");
        using var confirm = await admin.PostAsync($"/api/therapist/consultations/{id}/confirm", null);

        Assert.That((read.StatusCode, confirm.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }
}

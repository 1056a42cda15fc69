using System.Text.Json;
using FluentValidation;
using Intake.Api.Therapists;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.CancelConsultation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.CompleteConsultation;
using Intake.Domain.Consultations.ConfirmConsultation;
using Intake.Domain.Consultations.DeclineConsultation;
using Intake.Domain.Consultations.MarkNoShow;
using Intake.Domain.Consultations.ProposeAlternativeTimes;
using Intake.Domain.Consultations.RescheduleConsultation;
using Intake.Domain.Consultations.Rules;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Intake.Domain.Therapists.MessageLog;
using Intake.Domain.Therapists.PracticeTherapists;
using Intake.Domain.Therapists.TherapistConsultations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Intake.Api.Pages.Console;

/// <summary>
/// /console/requests/{id}: one request as the therapist reads it — the prospect's details and own words (shown here
/// and nowhere else), its time in both zones, its history and its messages (never their bodies) — with the actions
/// its status allows. Each action is a form post (with its anti-forgery token) that sends the same MediatR request
/// as the JSON endpoint; a refusal is shown with its rule, a success reloads the page (post, redirect, get).
/// Another therapist's request is 404 here and for every action, like a missing one. An administrator reads any request
/// some therapist's inbox holds, but acts only where <see cref="TherapistVisibility.MaySee"/> lets their own therapist id:
/// on another therapist's request no action is offered, and a posted one is 404 and changes nothing.
/// </summary>
public sealed class RequestModel(
    IMediator mediator, IClock clock, IOptions<ConsoleWords> words, IOptions<RequestWords> requestWords,
    IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    public ConsoleWords Words => words.Value;

    public RequestWords Say => requestWords.Value;

    public PracticeOptions Practice => practice.Value;

    public TherapistInboxItem Found { get; private set; } = null!;

    public TherapistConsultation Consultation => Found.Consultation;

    public IReadOnlyList<MessageLogEntry> Messages { get; private set; } = [];

    public IReadOnlyList<ConsultationChange> History { get; private set; } = [];

    /// <summary>What the last action said: its refusal, or (after the redirect) what was done.</summary>
    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Instant Now { get; private set; }

    public string NowText => InstantPattern.General.Format(Now);

    public string TherapistId => User.TherapistId();

    /// <summary>The signed-in therapist may act on this request (the domain's rule for their own id; the same the change checks).</summary>
    public bool MayAct => TherapistVisibility.MaySee(TherapistId, Consultation.TherapistId, Consultation.Status);

    /// <summary>Whose request it is, by name, when an administrator reads another therapist's.</summary>
    public string? OwnerName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, string? slotStart, CancellationToken ct) =>
        ActAsync(id, "confirmed", new ConfirmConsultation(new(id), Actor, string.IsNullOrEmpty(slotStart) ? null : slotStart), ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? note, CancellationToken ct) =>
        ActAsync(id, "declined", new DeclineConsultation(new(id), Actor, note), ct);

    public Task<IActionResult> OnPostProposeAsync(Guid id, string[]? slotStarts, CancellationToken ct) =>
        ActAsync(id, "proposed", new ProposeAlternativeTimes(new(id), Actor, slotStarts ?? []), ct);

    public Task<IActionResult> OnPostRescheduleAsync(Guid id, string? slotStart, CancellationToken ct) =>
        ActAsync(id, "rescheduled", new RescheduleConsultation(new(id), Actor, slotStart), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "cancelled", new CancelConsultation(new(id), Actor), ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "completed", new CompleteConsultation(new(id), Actor), ct);

    public Task<IActionResult> OnPostNoShowAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "no-show", new MarkNoShow(new(id), Actor), ct);

    private ConsultationActor.Therapist Actor => new(TherapistId);

    private async Task<IActionResult> ActAsync(Guid id, string done, IRequest<ChangeOutcome> change, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        ChangeOutcome outcome;
        try
        {
            outcome = await mediator.Send(change, ct);
        }
        catch (ValidationException invalid)
        {
            // The same validator as the JSON endpoint's: its messages, shown on the page.
            return await RefusedAsync(id, string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct()), StatusCodes.Status400BadRequest, ct);
        }

        return outcome switch
        {
            ChangeOutcome.Changed => Redirect($"/console/requests/{id}?done={done}"),
            ChangeOutcome.Refused refused => await RefusedAsync(id, refused.Reason, StatusCodes.Status409Conflict, ct),
            ChangeOutcome.ChangedMeanwhile => await RefusedAsync(id, Say.ChangedMeanwhile, StatusCodes.Status409Conflict, ct),
            ChangeOutcome.SlotNotOpen => await RefusedAsync(id, Say.SlotNotOpen, StatusCodes.Status409Conflict, ct),
            _ => NotFound(),
        };
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string problem, int status, CancellationToken ct)
    {
        // Refused only after the domain let the reader act: read it again as one who may act, never as an administrator.
        if (!await LoadAsync(id, ct, asAdmin: false))
            return NotFound();
        Problem = problem;
        Done = null;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool? asAdmin = null)
    {
        Now = clock.GetCurrentInstant();
        var admin = asAdmin ?? User.IsAdmin();
        var requestId = new ConsultationRequestId(id);
        if (await mediator.Send(new GetTherapistConsultation(TherapistId, requestId, admin), ct) is not { } found)
            return false;
        Found = found;
        Messages = await mediator.Send(new GetMessageLog(TherapistId, requestId, admin), ct) ?? [];
        History = await mediator.Send(new GetConsultationHistory(TherapistId, requestId, admin), ct) ?? [];
        if (!MayAct && Consultation.TherapistId is { } owner)
            OwnerName = (await mediator.Send(new ListTherapists(), ct)).FirstOrDefault(t => t.Id == owner)?.Name ?? owner;
        ViewData["Title"] = PracticeWords.Fill(Say.Title.Replace("{name}", Consultation.Prospect.Name, StringComparison.Ordinal), Practice, web.Value);
        ViewData["Section"] = "requests";
        return true;
    }

    /// <summary>A moment in full in the therapist's zone.</summary>
    public string Time(Instant instant) => MessageTime.Full(instant, Found.TimeZone);

    /// <summary>A moment in full in the prospect's zone.</summary>
    public string ProspectTime(Instant instant) => MessageTime.Full(instant, Consultation.Prospect.TimeZone);

    public bool HasStarted => Consultation.SlotStart is { } start && Now >= start;

    public bool CanConfirm => MayAct && Consultation.Status == ConsultationStatus.Pending && !HasStarted;

    public bool CanConfirmWithTime => MayAct && Consultation.Status == ConsultationStatus.Requested && Consultation.ProposedSlots.Count == 0;

    public bool CanPropose => MayAct && Consultation.Status is ConsultationStatus.Pending or ConsultationStatus.Requested && !HasStarted;

    public bool CanDecline => MayAct && Consultation.Status is ConsultationStatus.Pending or ConsultationStatus.Requested && !HasStarted;

    public bool CanReschedule => MayAct && Consultation.Status == ConsultationStatus.Confirmed && !HasStarted;

    public bool CanCancel => MayAct && Consultation.Status == ConsultationStatus.Confirmed && !HasStarted;

    public bool CanRecordOutcome => MayAct && Consultation.Status == ConsultationStatus.Confirmed && HasStarted;

    public string ChangeWords(ConsultationChange change) =>
        Say.ChangeNames.TryGetValue(change.What.ToString(), out var words) ? words : change.What.ToString();

    public string ByWords(ConsultationChange change) => change.By switch
    {
        ChangedBy.Prospect => Say.ByProspect,
        ChangedBy.Therapist when change.TherapistId == TherapistId => Say.ByYou,
        ChangedBy.Therapist => Say.ByTherapist.Replace("{therapist}", change.TherapistId ?? "", StringComparison.Ordinal),
        _ => Say.ByIntake,
    };

    /// <summary>What the page's script needs to choose times: the therapist's own open times in their zone.</summary>
    public string ScriptWords() => JsonSerializer.Serialize(new
    {
        therapistId = TherapistId,
        zone = Found.TimeZone.Id,
        now = NowText,
        horizonDays = Practice.HorizonDays,
        maxTimes = ConsultationRules.MaxProposedTimes,
        picker = Say.Picker,
        Say.ChosenNone,
        Say.Chosen,
        Say.AddTime,
        Say.RemoveTime,
        Say.TimesToOffer,
        Say.NoTimesToOffer,
    }, PageServices.PageJson);
}

using Hangfire;
using Intake.Domain.Messages.Agenda;
using MediatR;

namespace Intake.Worker.Agenda;

/// <summary>
/// The recurring Hangfire job that writes each therapist's daily agenda once their local agenda time has passed.
/// It runs every few minutes (Jobs:AgendaSchedule; every five by default, so an agenda goes out at most five
/// minutes after its time); the request itself makes sure each therapist gets one agenda a day.
/// </summary>
internal sealed class DailyAgendaJob(IMediator mediator)
{
    public const string Id = "queue-daily-agendas";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next run is the retry
    public Task RunAsync(CancellationToken cancellationToken) => mediator.Send(new QueueDailyAgendas(), cancellationToken);
}

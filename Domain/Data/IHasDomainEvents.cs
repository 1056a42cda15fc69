using MediatR;

namespace Intake.Domain.Data;

/// <summary>
/// An aggregate that raises events as it changes. Whatever entity implements it, its events are published just
/// before its save, so the messages they imply are written in the same transaction (DispatchDomainEventsInterceptor).
/// </summary>
public interface IHasDomainEvents
{
    IReadOnlyList<INotification> Events { get; }

    void ClearEvents();
}

namespace Intake.Domain.Consultations;

public readonly record struct ConsultationRequestId(Guid Value)
{
    public static ConsultationRequestId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

namespace Intake.Domain.Consultations;

public enum ContactChannel
{
    Email,
    Sms,
}

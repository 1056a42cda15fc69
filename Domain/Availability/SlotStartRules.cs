using System.Linq.Expressions;
using FluentValidation;

namespace Intake.Domain.Availability;

/// <summary>The one way a request's slot start is checked, whichever request carries it.</summary>
internal static class SlotStartRules
{
    public static readonly string Message =
        $"Must be an ISO 8601 time with its offset, e.g. \"{SlotStart.Example}\", in the years 0001 to 9998.";

    public static void Required<T>(AbstractValidator<T> validator, Expression<Func<T, string?>> property) =>
        validator.RuleFor(property).Must(start => SlotStart.Parse(start) is not null).WithMessage(Message);

    public static void Optional<T>(AbstractValidator<T> validator, Expression<Func<T, string?>> property) =>
        validator.RuleFor(property).Must(start => start is null || SlotStart.Parse(start) is not null).WithMessage(Message);
}

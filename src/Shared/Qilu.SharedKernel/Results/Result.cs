namespace Qilu.SharedKernel.Results;

/// <summary>The outcome of an operation that can fail for a reason the caller should handle.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, ErrorKind kind, IReadOnlyList<Error>? errors)
    {
        _value = value;
        Kind = kind;
        Errors = errors ?? [];
    }

    /// <summary>True when there is a value.</summary>
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>The value; throws when the result is a failure (a programming error, not a user error).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is a failure: {string.Join("; ", Errors)}");

    /// <summary>What kind of failure this is (meaningless on success).</summary>
    public ErrorKind Kind { get; }

    /// <summary>The errors; empty on success.</summary>
    public IReadOnlyList<Error> Errors { get; }

    /// <summary>The first error (most results carry exactly one).</summary>
    public Error Error => Errors.Count > 0 ? Errors[0] : throw new InvalidOperationException("Result is a success.");

    /// <summary>Safe to log or interpolate: the generated record ToString would read <see cref="Value"/> and throw.</summary>
    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Kind}: {string.Join("; ", Errors)})";

#pragma warning disable CA1000 // Static factories on the generic type are the idiom for Result<T>.
    public static Result<T> Success(T value) => new(value, default, null);

    public static Result<T> Failure(Error error, ErrorKind kind = ErrorKind.Validation) => new(default, kind, [error]);

    public static Result<T> Failure(IReadOnlyList<Error> errors, ErrorKind kind = ErrorKind.Validation)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new(default, kind, errors);
    }
#pragma warning restore CA1000

#pragma warning disable CA2225 // Implicit conversions keep handlers readable; the named factories exist too.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
#pragma warning restore CA2225
}

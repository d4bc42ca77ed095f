namespace Qilu.Host.Operations;

/// <summary>
/// Stands in for an exception whose message or stack text contains personal data (for example a validation
/// exception quoting the input). Sinks print <see cref="ToString"/>, which is the original text, masked.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException() : this("", "")
    {
    }

    public RedactedException(string message) : this(message, message)
    {
    }

    public RedactedException(string message, Exception innerException) : base(message, innerException) =>
        _text = message;

    private RedactedException(string message, string text) : base(message) => _text = text;

    /// <summary>The original exception's type name, kept for log queries.</summary>
    public string OriginalType { get; private init; } = "";

    /// <summary>Returns the exception unchanged when its text holds nothing to mask, otherwise a masked stand-in.</summary>
    public static Exception? From(Exception? exception)
    {
        if (exception is null) return null;
        var text = exception.ToString();
        var masked = PersonalDataMasker.Mask(text);
        if (masked == text) return exception;
        return new RedactedException(PersonalDataMasker.Mask(exception.Message), masked)
        {
            OriginalType = exception.GetType().FullName ?? exception.GetType().Name,
        };
    }

    public override string? StackTrace => null;

    public override string ToString() => _text;
}

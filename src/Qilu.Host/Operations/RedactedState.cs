using System.Collections;
using System.Globalization;

namespace Qilu.Host.Operations;

/// <summary>
/// A log state or scope whose text and structured values have been masked. It is a list of key/value pairs, like the
/// framework's own message state, so structured sinks (JSON console, OpenTelemetry) still get named properties.
/// </summary>
internal sealed class RedactedState(string text, IReadOnlyList<KeyValuePair<string, object?>> values)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text;

    /// <summary>
    /// Masks a scope state; plain strings stay strings so that sinks print them as before. Other states are masked when
    /// a log entry first reads them (<see cref="RedactedScope"/>): the host begins a scope on every request (its path,
    /// which may carry an ID number, and request id), and most requests write no log entry in it.
    /// </summary>
    public static object ForScope<TState>(TState state) where TState : notnull => state switch
    {
        string s => PersonalDataMasker.Mask(s),
        _ => new RedactedScope(state),
    };

    /// <summary>The state's named values with every value whose text would reveal personal data replaced by the masked text.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Values<TState>(TState state)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> pairs) return [];
        var result = new List<KeyValuePair<string, object?>>();
        foreach (var pair in pairs)
            result.Add(pair.Key == OriginalFormat ? pair : new(pair.Key, MaskValue(pair.Value)));
        return result;
    }

    private static object? MaskValue(object? value)
    {
        switch (value)
        {
            case null or bool or Enum or Guid:
                return value;
            case string s:
                return PersonalDataMasker.Mask(s);
            default:
                // Numbers (a phone stored as a long), records and other objects are written by their text; keep the
                // original value (and its type) unless that text needs masking.
                var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                if (text is null) return value;
                var masked = PersonalDataMasker.Mask(text);
                return ReferenceEquals(masked, text) || masked == text ? value : masked;
        }
    }
}

/// <summary>A scope state masked on first read, as <see cref="RedactedState"/>; until then it holds the original state.</summary>
internal sealed class RedactedScope(object state) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private RedactedState? _masked;

    // Scopes can be read by log calls on several threads at once; two first reads mask twice, to equal results.
    private RedactedState Masked => Volatile.Read(ref _masked) ?? Interlocked.CompareExchange(ref _masked,
        new RedactedState(PersonalDataMasker.Mask(state.ToString() ?? ""), RedactedState.Values(state)), null) ?? _masked!;

    public KeyValuePair<string, object?> this[int index] => Masked[index];

    public int Count => Masked.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Masked.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Masked.ToString();
}

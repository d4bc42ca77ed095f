using Qilu.SharedKernel.Results;

namespace Qilu.Platform.Http;

/// <summary>
/// Collects field errors for a request; a use case validates its whole input and reports every broken rule at once.
/// </summary>
public sealed class Validation
{
    private readonly List<Error> _errors = [];

    public IReadOnlyList<Error> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public Validation Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
            _errors.Add(new Error("required", $"{label}不能为空", $"{field} is required", field));
        return this;
    }

    public Validation MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
            _errors.Add(new Error("max_length", $"{label}不能超过{max}个字符", $"{field} must be at most {max} characters", field));
        return this;
    }

    public Validation Rule(bool holds, string field, string code, string message, string messageEn)
    {
        if (!holds) _errors.Add(new Error(code, message, messageEn, field));
        return this;
    }

    /// <summary>Parses with a value type's TryParse-with-reason and records the reason under the field.</summary>
    public T? Parse<T>(string field, string? input, Func<string, Result<T>> parse, string label) where T : struct
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            _errors.Add(new Error("required", $"{label}不能为空", $"{field} is required", field));
            return null;
        }
        var r = parse(input);
        if (r.IsSuccess) return r.Value;
        _errors.AddRange(r.Errors.Select(e => e.ForField(field)));
        return null;
    }

    public void Add(Error error) => _errors.Add(error);

    public Microsoft.AspNetCore.Http.IResult ToProblem() => Problems.From(ErrorKind.Validation, _errors);
}

namespace Qilu.OpenData.Ckan;

/// <summary>
/// A CKAN action error: <c>{"success": false, "error": {"__type": …, "message": …}}</c> with the status CKAN uses for
/// that type (ckan/views/api.py): Bad request 400, Authorization Error 403, Not Found Error 404, Validation Error and
/// Search Query Error 409. Validation errors also carry CKAN's per-field message lists.
/// </summary>
internal sealed class CkanError : Exception
{
    private CkanError(int status, string type, string message, IReadOnlyDictionary<string, string>? fields = null) : base(message)
    {
        Status = status;
        Type = type;
        Fields = fields ?? new Dictionary<string, string>();
    }

    public int Status { get; }

    public string Type { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public static CkanError BadRequest(string message) => new(400, "Bad request", "Bad request - " + message);

    public static CkanError NotAuthorized(string message) => new(403, "Authorization Error", message);

    public static CkanError NotFound(string message) => new(404, "Not Found Error", message);

    public static CkanError Validation(string field, string message) =>
        new(409, "Validation Error", $"{field}: {message}", new Dictionary<string, string> { [field] = message });

    public static CkanError SearchQuery(string message) => new(409, "Search Query Error", message);
}

using Qilu.SharedKernel.Results;

namespace Qilu.Sharing.Gateway;

/// <summary>What a gateway operation produced: a body to send and what to meter.</summary>
/// <param name="Body">Serialised as JSON, except a <see cref="GatewayFile"/>, whose bytes are sent as they are.</param>
/// <param name="Rows">Rows released (0 for verification answers).</param>
/// <param name="Fields">Fields released.</param>
/// <param name="ResourceId">The resource read, if any.</param>
/// <param name="Status">HTTP status (200 unless an upstream answered otherwise).</param>
internal sealed record GatewayAnswer(object Body, int Rows, IReadOnlyCollection<string> Fields, Guid? ResourceId, int Status = 200);

/// <summary>A file answered as it was mounted: the binding hash covers exactly these bytes.</summary>
internal sealed record GatewayFile(byte[] Bytes, string ContentType, string FileName, string Sm3Hash);

/// <summary>A refusal of the gateway, with the HTTP status it maps to (400, 403, 404, 429, 502, 503).</summary>
internal sealed record GatewayRefusal(int Status, Error Error, TimeSpan? RetryAfter = null)
{
    public static GatewayRefusal BadRequest(string code, string zh, string en, string? field = null) => new(400, new Error(code, zh, en, field));

    public static GatewayRefusal Forbidden(string code, string zh, string en, string? field = null) => new(403, new Error(code, zh, en, field));

    public static GatewayRefusal NotFound(string what, string whatEn) =>
        new(404, new Error("not_found", $"{what}不存在或不在您的授权范围内", $"{whatEn} does not exist or is outside your grant"));
}

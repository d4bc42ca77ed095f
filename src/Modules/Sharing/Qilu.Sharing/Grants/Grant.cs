using System.Text.Json.Serialization;
using Qilu.Catalog.Contracts;

namespace Qilu.Sharing.Grants;

/// <summary>State of a grant as stored; expiry is computed from <see cref="Grant.ValidUntil"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GrantStatus>))]
internal enum GrantStatus
{
    /// <summary>在用.</summary>
    Active = 1,
    /// <summary>已暂停 (may be resumed).</summary>
    Suspended = 2,
    /// <summary>已撤销 (final).</summary>
    Revoked = 3,
    /// <summary>目录已下线 (final): the catalog entry was withdrawn.</summary>
    Withdrawn = 4,
}

/// <summary>
/// 共享授权: the contract under which a consumer unit reads a provider's entry through the gateway — fields, row scope,
/// masking per field, quotas per day and in total, rate, and period. Checked from the database on every call, so a
/// suspension or revocation takes effect for the next call on every node.
/// </summary>
internal sealed class Grant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? ApplicationId { get; init; }
    public Guid ConsumerUnitId { get; init; }
    public required string ConsumerName { get; init; }
    public required string ConsumerDivision { get; init; }
    public Guid EntryId { get; init; }
    public required string EntryCode { get; init; }
    public required string EntryName { get; init; }
    public Guid ProviderUnitId { get; init; }
    public required string ProviderName { get; init; }
    public required string ProviderDivision { get; init; }
    public required string Purpose { get; init; }
    /// <summary>Granted fields, newline-separated.</summary>
    public required string Fields { get; init; }
    /// <summary>Masking per field: <c>field=Rule</c> lines.</summary>
    public required string Masking { get; set; }
    /// <summary>Row scope: only rows whose division starts with this prefix; null: all rows.</summary>
    public string? RowScope { get; init; }
    public long DailyQuota { get; init; }
    public long? TotalQuota { get; init; }
    /// <summary>Calls per second allowed (token bucket per grant, burst twice the rate).</summary>
    public int RatePerSecond { get; init; }
    /// <summary>数据直达基层: officials of the consumer's division subtree may read their own area's rows under this grant.</summary>
    public bool Grassroots { get; init; }
    /// <summary>
    /// 共享方式 this grant allows, comma-separated <see cref="ShareMethod"/> names: the entry's methods when it was granted,
    /// narrowed by every later published version that offers fewer, never widened (a grant releases no more than was
    /// approved). Empty until recorded (a grant issued before this column existed is filled in at start-up), and an
    /// empty set allows nothing.
    /// </summary>
    public string ShareMethods { get; set; } = "";
    /// <summary>
    /// 调用系统: client ids of the consumer unit's department systems that may call under this grant, newline-separated,
    /// set by the consumer unit (<see cref="BindGrantClients"/>). Empty: every system of the consumer unit, as for grants
    /// issued before systems could be bound.
    /// </summary>
    public string ClientIds { get; set; } = "";
    public DateTimeOffset ValidFrom { get; init; }
    public DateTimeOffset ValidUntil { get; init; }
    public GrantStatus Status { get; set; } = GrantStatus.Active;
    public string? StatusReason { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public uint Version { get; set; }

    public IReadOnlyList<string> FieldList => Parse(ref _parsedFieldList, Fields, static f => f.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public IReadOnlyDictionary<string, MaskingRule> MaskingRules => Parse(ref _parsedMasking, Masking, static m => m.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => Enum.Parse<MaskingRule>(p[1]), StringComparer.Ordinal));

    public IReadOnlyList<string> ClientIdList => Parse(ref _parsedClientIds, ClientIds, static c => c.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether the system <paramref name="clientId"/> may call under this grant (see <see cref="ClientIds"/>).</summary>
    public bool BindsClient(string clientId) => ClientIds.Length == 0 || ClientIdList.Contains(clientId, StringComparer.Ordinal);

    // The gateway reads these on every call from a grant the cache shares between requests: each is parsed once per
    // stored text (a changed text, e.g. new masking terms on a tracked grant, is parsed anew). The holder is replaced
    // whole, so concurrent readers see a text with its own parse. Not mapped (EF maps properties, and these fields
    // match no property's backing-field name).
    private Parsed<IReadOnlyList<string>>? _parsedFieldList;
    private Parsed<IReadOnlyDictionary<string, MaskingRule>>? _parsedMasking;
    private Parsed<IReadOnlyList<string>>? _parsedClientIds;

    private sealed record Parsed<T>(string Source, T Value);

    private static T Parse<T>(ref Parsed<T>? cache, string source, Func<string, T> parse)
    {
        if (Volatile.Read(ref cache) is { } known && ReferenceEquals(known.Source, source)) return known.Value;
        var value = parse(source);
        Volatile.Write(ref cache, new Parsed<T>(source, value));
        return value;
    }

    /// <summary>Whether the grant allows <paramref name="method"/> (see <see cref="ShareMethods"/>).</summary>
    public bool Allows(ShareMethod method)
    {
        var name = method.ToString();
        foreach (var range in ShareMethods.AsSpan().Split(','))
            if (ShareMethods.AsSpan()[range].Trim().SequenceEqual(name)) return true;
        return false;
    }

    /// <summary>The stored form of a set of share methods (enum order, so equal sets are equal strings).</summary>
    public static string FormatShareMethods(IEnumerable<ShareMethod> methods) =>
        string.Join(',', methods.Distinct().Order().Select(m => m.ToString()));

    public static string FormatMasking(IEnumerable<KeyValuePair<string, MaskingRule>> rules) =>
        string.Join('\n', rules.Select(r => $"{r.Key}={r.Value}"));

    /// <summary>
    /// The state a caller sees now: stored status, or expired/not yet valid by the period. A suspended grant whose period
    /// has ended is expired too: it can no longer be resumed, and its state can no longer change.
    /// </summary>
    public string EffectiveStatus(DateTimeOffset now) => Status switch
    {
        GrantStatus.Active or GrantStatus.Suspended when now >= ValidUntil => "Expired",
        GrantStatus.Active when now < ValidFrom => "NotYetValid",
        _ => Status.ToString(),
    };
}

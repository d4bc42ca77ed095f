using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Results;

namespace Qilu.Sharing.Grants;

/// <summary>
/// The 调用系统 named for a grant, whether on the application or later on the grant: each a department system registered
/// for the consumer unit (<see cref="ISystemClientDirectory"/>), at most <see cref="Max"/>, none twice. The stored form is
/// sorted and newline-separated, so equal sets are equal texts.
/// </summary>
internal static class CallingSystems
{
    /// <summary>Most systems one grant binds (a unit runs a handful; the column holds 4,000 characters).</summary>
    public const int Max = 50;

    /// <summary>The stored text for <paramref name="clientIds"/>, or the error naming the field <c>clientIds</c>.</summary>
    public static async Task<Result<string>> CheckAsync(ISystemClientDirectory directory, Guid consumerUnitId, IReadOnlyList<string?> clientIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(clientIds);
        var wanted = clientIds.Select(c => c?.Trim() ?? "").ToList();
        if (wanted.Count == 0) return "";
        if (wanted.Any(c => c.Length == 0))
            return Invalid("clientIds.empty", "调用系统标识不能为空", "A client id is empty");
        if (wanted.Count > Max)
            return Invalid("clientIds.too_many", $"一项授权最多绑定 {Max} 个调用系统", $"A grant binds at most {Max} systems");
        var duplicate = wanted.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
            return Invalid("clientIds.duplicate", $"调用系统“{duplicate}”重复", $"The system '{duplicate}' is listed twice");
        var own = (await directory.ListForUnitAsync(consumerUnitId, ct)).Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
        var foreign = wanted.Where(c => !own.Contains(c)).ToList();
        if (foreign.Count > 0)
            return Invalid("clientIds.not_unit_system", $"以下标识不是本单位注册的调用系统：{string.Join("、", foreign)}",
                $"Not systems registered for the consumer unit: {string.Join(", ", foreign)}");
        return string.Join('\n', wanted.Order(StringComparer.Ordinal));
    }

    private static Result<string> Invalid(string code, string zh, string en) => Result<string>.Failure(new Error(code, zh, en, "clientIds"));
}

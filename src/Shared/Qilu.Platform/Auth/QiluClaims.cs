namespace Qilu.Platform.Auth;

/// <summary>Claim types Qilu puts in tokens and cookies (OIDC standard names where one exists).</summary>
public static class QiluClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>Kind of actor: official, citizen, enterprise_agent, system_client.</summary>
    public const string ActorKind = "qilu_kind";
    /// <summary>行政区划代码 of the actor's unit.</summary>
    public const string Division = "division";
    /// <summary>Department (unit) id.</summary>
    public const string Unit = "unit";
    /// <summary>Unit name, for display by relying parties.</summary>
    public const string UnitName = "unit_name";
    /// <summary>实名 level as OIDC Authentication Context Class Reference: <c>urn:qilu:acr:L0</c> … <c>L3</c>.</summary>
    public const string Acr = "acr";
    /// <summary>For enterprise agents: the enterprise's 统一社会信用代码.</summary>
    public const string Enterprise = "enterprise";
    public const string ClientId = "client_id";

    public static string AcrValue(Qilu.SharedKernel.Actors.RealNameLevel level) => $"urn:qilu:acr:L{(int)level}";
}

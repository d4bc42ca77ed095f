using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Trust.Auditing;
using Qilu.Trust.Data;

namespace Qilu.Trust.Codes;

/// <summary>
/// The services the code and exchange use cases share, resolved per scope (one parameter instead of eight on every
/// handler, for the endpoints and the Blazor pages alike).
/// </summary>
internal sealed record CodeServices(TrustDbContext Trust, IPersonDirectory People,
    IOrganisationDirectory Directory, IFieldProtector Protector, TimeProvider Clock, TrustAudit Audit, CodeSigner Signer)
{
    /// <summary>The exchange tables (codes, requests, use record, federation log); the same unit of work as <see cref="Trust"/>.</summary>
    public TrustDbContext Exchange => Trust;

    /// <summary>How long a personal code is valid after it is shown.</summary>
    public static readonly TimeSpan PersonalCodeLifetime = TimeSpan.FromSeconds(60);

    /// <summary>How long the holder has to consent to a request.</summary>
    public static readonly TimeSpan DecisionWindow = TimeSpan.FromMinutes(3);

    /// <summary>How long the requesting unit can read released certificates after consent.</summary>
    public static readonly TimeSpan ReleaseWindow = TimeSpan.FromMinutes(30);
}

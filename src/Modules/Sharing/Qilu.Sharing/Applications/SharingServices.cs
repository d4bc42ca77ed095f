using Qilu.Catalog.Contracts;
using Qilu.Identity.Contracts;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Applications;

/// <summary>What the application use cases need, resolved once per scope (keeps handler signatures short for pages).</summary>
internal sealed record SharingServices(SharingDbContext Db, ICatalogDirectory Catalog, IOrganisationDirectory Directory, GrantIssuer Issuer,
    ApprovalDeadlines Deadlines, TimeProvider Clock, SharingAudit Audit, Qilu.Identity.Contracts.ISystemClientDirectory Systems);

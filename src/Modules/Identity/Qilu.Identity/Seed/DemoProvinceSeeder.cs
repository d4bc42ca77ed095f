using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Qilu.Identity.Accounts;
using Qilu.Identity.Data;
using Qilu.Identity.Departments;
using Qilu.Identity.Divisions;
using Qilu.Identity.Enterprises;
using Qilu.Identity.Roles;
using Qilu.Identity.Clients;
using Qilu.Identity.SignOn;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.Seed;

/// <summary>
/// Seeds the demo province once on top of the division tree (reference data, seeded for every deployment):
/// departments at province, city and (for 济南, 青岛) county level, the three separated administrators, officials,
/// citizens, an enterprise with a delegated agent, and demo OIDC clients. Passwords and secrets are random per
/// installation and reported to the caller, which writes them to <c>demo-accounts.json</c>.
/// </summary>
internal sealed class DemoProvinceSeeder : IDemoSeeder
{
    public int Order => 100;

    public string Name => DemoSeederNames.IdentityProvince;

    /// <summary>Needs only the division tree (reference data of IdentityInitializer).</summary>
    public IReadOnlyCollection<string>? DependsOn => [];

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<IdentityDbContext>();
        if (await db.Accounts.AnyAsync(ct)) return [];
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var credentials = new List<DemoCredential>();

        // The division tree is reference data seeded by IdentityInitializer in every deployment; demo adds the rest.
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var departments = SeedDepartments(db, divisions);
        await db.SaveChangesAsync(ct);

        var accounts = new AccountFactory(sp, now);
        Guid Dep(string division, string kind) => departments[(division, kind)].Id;

        // 三员: three distinct people at the provincial big-data bureau.
        credentials.Add(accounts.Official("sys.admin", "赵系统", Dep("370000", "bigdata"), "370000", [BuiltInRoles.SystemAdministrator], "系统管理员（三员之一）"));
        credentials.Add(accounts.Official("sec.admin", "钱安全", Dep("370000", "bigdata"), "370000", [BuiltInRoles.SecurityAdministrator], "安全管理员（三员之一）"));
        credentials.Add(accounts.Official("audit.admin", "孙审计", Dep("370000", "bigdata"), "370000", [BuiltInRoles.AuditAdministrator], "审计管理员（三员之一），唯一可查看审计日志"));
        credentials.Add(accounts.Official("sd.cdo", "李数据", Dep("370000", "bigdata"), "370000", [BuiltInRoles.Official, BuiltInRoles.ChiefDataOfficer], "省大数据局首席数据官"));
        credentials.Add(accounts.Official("jn.official", "周济南", Dep("370100", "bigdata"), "370100", [BuiltInRoles.Official, BuiltInRoles.ChiefDataOfficer], "济南市大数据局工作人员（首席数据官），可见济南全市"));
        credentials.Add(accounts.Official("lx.official", "吴历下", Dep("370102", "civil_affairs"), "370102", [BuiltInRoles.Official, BuiltInRoles.ChiefDataOfficer], "历下区民政局工作人员，仅可见历下区"));
        credentials.Add(accounts.Official("sn.official", "郑市南", Dep("370202", "civil_affairs"), "370202", [BuiltInRoles.Official, BuiltInRoles.ChiefDataOfficer], "青岛市南区民政局工作人员，仅可见市南区"));
        // Data graded L4 needs two approval levels at the provider, by two different people (ApplyForResource): 吴历下 decides the
        // first for 历下区民政局, its 分管领导 the second.
        credentials.Add(accounts.Official("lx.leader", "沈分管", Dep("370102", "civil_affairs"), "370102", [BuiltInRoles.Official, BuiltInRoles.DataOfficer], "历下区民政局分管领导（数据共享第二级审批）"));
        credentials.Add(accounts.Official("qd.official", "王青岛", Dep("370200", "bigdata"), "370200", [BuiltInRoles.Official, BuiltInRoles.DataOfficer], "青岛市大数据局数据专员"));
        // The departments that handle 历下区's 新生儿出生一件事 sub-cases (and 社会保障卡申领), so the demo's bundle can be
        // taken from application to the certificates in the wallet by hand.
        credentials.Add(accounts.Official("lx.health", "陈卫健", Dep("370102", "health"), "370102", [BuiltInRoles.Official], "历下区卫生健康局工作人员（出生医学证明）"));
        credentials.Add(accounts.Official("lx.police", "褚公安", Dep("370102", "public_security"), "370102", [BuiltInRoles.Official], "历下区公安分局工作人员（户口登记）"));
        credentials.Add(accounts.Official("lx.yibao", "卫医保", Dep("370102", "medical_insurance"), "370102", [BuiltInRoles.Official], "历下区医疗保障局工作人员（医保参保登记）"));
        credentials.Add(accounts.Official("lx.hrss", "蒋人社", Dep("370102", "hrss"), "370102", [BuiltInRoles.Official], "历下区人力资源和社会保障局工作人员（社会保障卡）"));
        // 12345: the 济南 hotline centre (run by the city's big-data bureau) and a handling unit in 历下区.
        credentials.Add(accounts.Official("jn.agent", "孔话务", Dep("370100", "bigdata"), "370100", [BuiltInRoles.Official, BuiltInRoles.HotlineAgent], "济南12345热线话务员（受理、直办、回访）"));
        credentials.Add(accounts.Official("jn.dispatch", "曹派单", Dep("370100", "bigdata"), "370100", [BuiltInRoles.Official, BuiltInRoles.HotlineDispatcher], "济南12345热线派单员（派单、审核、延期审批）"));
        credentials.Add(accounts.Official("lx.cg", "严城管", Dep("370102", "urban_management"), "370102", [BuiltInRoles.Official], "历下区城市管理局工作人员（12345工单签收、办理、答复）"));
        credentials.Add(accounts.Official("jn.totp", "冯动态", Dep("370100", "public_security"), "370100", [BuiltInRoles.Official], "济南市公安局工作人员，已启用动态口令（TOTP）", withTotp: true));

        accounts.Citizen("张三", MakeId("370102", new DateOnly(1988, 3, 15), 101), "13800138001", "370102", RealNameLevel.Verified, out var c1);
        credentials.Add(c1);
        var li = accounts.Citizen("李四", MakeId("370202", new DateOnly(1979, 11, 2), 233), "13800138002", "370202", RealNameLevel.Verified, out var c2);
        credentials.Add(c2);
        var wang = accounts.Citizen("王五", MakeId("370102", new DateOnly(1995, 6, 30), 342), "13800138003", "370102", RealNameLevel.Basic, out var c3);
        credentials.Add(c3);
        await accounts.HashedAsync();
        await db.SaveChangesAsync(ct);

        var enterprise = new Enterprise
        {
            CreditCode = DepartmentCatalog.EnterpriseCreditCode("370202", "青岛海岬科技有限公司"),
            Name = "青岛海岬科技有限公司（演示）",
            DivisionCode = "370202",
            LegalRepresentativeId = li.Id,
            RegisteredAt = now,
        };
        db.Enterprises.Add(enterprise);
        db.Delegations.Add(new Delegation { EnterpriseId = enterprise.Id, AgentAccountId = wang.Id, GrantedBy = li.Id.ToString(), GrantedAt = now });
        await db.SaveChangesAsync(ct);
        credentials.Add(new DemoCredential("enterprise", enterprise.CreditCode, "", $"{enterprise.Name}：法定代表人 李四，经办人 王五（已授权）"));

        credentials.AddRange(await SeedClientsAsync(sp, departments[("370000", "market")], departments[("370102", "health")], ct));
        return credentials;
    }

    private static Dictionary<(string, string), Department> SeedDepartments(IdentityDbContext db, Dictionary<string, Division> divisions)
    {
        var result = new Dictionary<(string, string), Department>();
        var levels = divisions.Values.Where(d => d.Level == (int)DivisionLevel.Province || d.Level == (int)DivisionLevel.City
            || d.Level == (int)DivisionLevel.County && (d.Code.StartsWith("3701", StringComparison.Ordinal) || d.Code.StartsWith("3702", StringComparison.Ordinal)));
        foreach (var division in levels)
        {
            var order = 0;
            foreach (var kind in DepartmentCatalog.Kinds)
            {
                var name = DepartmentCatalog.NameFor(kind.Kind, (DivisionLevel)division.Level, division.Name);
                var dep = new Department
                {
                    Name = name, Kind = kind.Kind, DivisionCode = division.Code, Order = order++,
                    CreditCode = DepartmentCatalog.CreditCodeFor(division.Code, name),
                };
                db.Departments.Add(dep);
                result[(division.Code, kind.Kind)] = dep;
            }
        }
        return result;
    }

    private static async Task<IEnumerable<DemoCredential>> SeedClientsAsync(IServiceProvider sp, Department market, Department health, CancellationToken ct)
    {
        var manager = sp.GetRequiredService<IOpenIddictApplicationManager>();
        var rpSecret = NewSecret();
        var rp = new OpenIddictApplicationDescriptor
        {
            ClientId = "demo-rp",
            ClientSecret = rpSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = "演示第三方应用（市民服务小程序）",
            RedirectUris = { new Uri("http://127.0.0.1:5090/signin-oidc") },
            PostLogoutRedirectUris = { new Uri("http://127.0.0.1:5090/signout-callback-oidc") },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        ClientPermissions.AddInteractive(rp.Permissions, [Scopes.Profile, Scopes.Roles, OidcScopes.Unit, Scopes.OfflineAccess]);
        await manager.CreateAsync(rp, ct);

        var sysSecret = NewSecret();
        await manager.CreateAsync(SystemClient("sd-market-system", sysSecret, "山东省市场监管业务系统（演示）", market, [OidcScopes.Api]), ct);

        // 历下区卫生健康局's hospital information system: the consumer of the demo's sharing grant (the Sharing demo
        // seeder applies for 最低生活保障对象信息 as that unit), with the platform API and every module's system scope, so
        // the gateway can be called for real with the demo data.
        var hisSecret = NewSecret();
        var hisScopes = sp.GetRequiredService<ClientScopes>().ForSystems;
        await manager.CreateAsync(SystemClient("lx-health-his", hisSecret, "历下区卫健信息系统（演示）", health, hisScopes), ct);
        return
        [
            new DemoCredential("oidc_client", "demo-rp", rpSecret, "第三方应用：授权码 + PKCE，需用户同意；回调 http://127.0.0.1:5090/signin-oidc"),
            new DemoCredential("oidc_client", "sd-market-system", sysSecret, "部门系统：客户端凭证（client_credentials），scope=api"),
            new DemoCredential("oidc_client", "lx-health-his", hisSecret,
                $"历下区卫生健康局业务系统：客户端凭证，scope={string.Join(' ', hisScopes)}（共享网关：按本单位已获授权调用，见 docs/http/sharing.http）"),
        ];
    }

    /// <summary>
    /// A department system: client credentials for <paramref name="scopes"/>, acting for one unit (its tokens carry the
    /// unit, its division and the system-client role).
    /// </summary>
    private static OpenIddictApplicationDescriptor SystemClient(string clientId, string secret, string name, Department unit, IEnumerable<string> scopes)
    {
        var client = new OpenIddictApplicationDescriptor { ClientId = clientId, ClientSecret = secret, ClientType = ClientTypes.Confidential, DisplayName = name };
        ClientPermissions.AddClientCredentials(client.Permissions, scopes);
        ClientPermissions.ActFor(client.Properties, unit.Id, unit.Name, unit.DivisionCode);
        return client;
    }

    internal static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');

    /// <summary>A valid 18-digit ID number for a demo person (sequence chosen, check digit computed).</summary>
    internal static string MakeId(string region, DateOnly birth, int sequence)
    {
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>
    /// Creates demo accounts with random passwords. Each password hash (PBKDF2, the hasher's full work factor) is
    /// computed on the thread pool as the account is made: 19 of them one after another were most of this seeder's
    /// time, and they are independent (ADR 0020). <see cref="HashedAsync"/> waits for them before the accounts are saved.
    /// </summary>
    private sealed class AccountFactory(IServiceProvider sp, DateTimeOffset now)
    {
        private readonly List<(Account Account, Task<string> Hash)> _hashing = [];

        private readonly IdentityDbContext _db = sp.GetRequiredService<IdentityDbContext>();
        private readonly IPasswordHasher<Account> _hasher = sp.GetRequiredService<IPasswordHasher<Account>>();
        private readonly AccountFields.Protection _protection = sp.GetRequiredService<AccountFields.Protection>();
        private readonly TotpService _totp = sp.GetRequiredService<TotpService>();

        public DemoCredential Official(string userName, string name, Guid departmentId, string division, string[] roles, string description, bool withTotp = false)
        {
            var password = DemoPassword();
            var account = new Account
            {
                Kind = AccountKind.Official, UserName = userName, DisplayName = name, DepartmentId = departmentId,
                DivisionCode = division, RealNameLevel = RealNameLevel.InPerson, CreatedAt = now,
                Roles = [.. roles.Select(r => new AccountRole { RoleCode = r, GrantedAt = now, GrantedBy = "seed" })],
            };
            Hash(account, password);
            string? totpSecret = null;
            if (withTotp)
            {
                totpSecret = TotpService.NewSecret();
                _totp.Enable(account, totpSecret);
            }
            _db.Accounts.Add(account);
            return new DemoCredential("official", userName, password,
                totpSecret is null ? description : $"{description}；TOTP 密钥 {totpSecret}");
        }

        public Account Citizen(string name, string idNumber, string phone, string division, RealNameLevel level, out DemoCredential credential)
        {
            var password = DemoPassword();
            var account = new Account
            {
                Kind = AccountKind.Citizen, UserName = "c" + idNumber[^6..], DisplayName = name, DivisionCode = division,
                RealNameLevel = level, CreatedAt = now,
                Roles = [new AccountRole { RoleCode = BuiltInRoles.Citizen, GrantedAt = now, GrantedBy = "seed" }],
            };
            _protection.SetIdNumber(account, IdNumber.Parse(idNumber).Value);
            _protection.SetPhone(account, PhoneNumber.Parse(phone).Value);
            Hash(account, password);
            _db.Accounts.Add(account);
            credential = new DemoCredential("citizen", idNumber, password, $"{name}（自然人，可用身份证号 {idNumber} 或手机号 {phone} 登录）");
            return account;
        }

        private static string DemoPassword() => "Qilu-" + NewSecret()[..8];

        /// <summary>Waits for the hashes of the accounts made so far and sets them (on the caller's thread, so the
        /// tracked accounts are only ever touched there).</summary>
        public async Task HashedAsync()
        {
            foreach (var (account, hash) in _hashing) account.PasswordHash = await hash;
            _hashing.Clear();
        }

        // The default hasher reads nothing from the account it is given.
        private void Hash(Account account, string password) =>
            _hashing.Add((account, Task.Run(() => _hasher.HashPassword(account, password))));
    }
}

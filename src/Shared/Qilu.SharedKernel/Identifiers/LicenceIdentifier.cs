using Qilu.SharedKernel.Results;

namespace Qilu.SharedKernel.Identifiers;

/// <summary>
/// 电子证照标识 (GB/T 36903 style): <c>1.2.156.3005.2.&lt;类型代码&gt;.&lt;颁发机构代码&gt;.&lt;流水号&gt;.&lt;版本号&gt;.&lt;校验位&gt;</c>.
/// The type code is the defining body's 统一社会信用代码 plus a 3-digit type number (21 characters); the issuer code is
/// the issuing authority's credit code (18) or a 6-digit 行政区划代码; the serial is 1–32 of 0-9A-Z; the version is
/// 3 digits; the check character is ISO/IEC 7064 MOD 37,36 (hybrid) over type+issuer+serial+version.
/// </summary>
/// <remarks>
/// Parsing is strict about the root, the parts and the check character. Some legacy national data carries a check
/// character that does not match (see trust.md §2.3); <see cref="ParseLenient"/> accepts those and reports it, so
/// ingestion can warn instead of failing.
/// </remarks>
public readonly struct LicenceIdentifier : IEquatable<LicenceIdentifier>
{
    /// <summary>电子证照根代码 (the OID arc of the national e-licence system).</summary>
    public const string Root = "1.2.156.3005.2";

    private const string Symbols = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private readonly string? _value;

    private LicenceIdentifier(string value, string type, string issuer, string serial, string version, bool checkMatches)
    {
        _value = value;
        TypeCode = type;
        IssuerCode = issuer;
        Serial = serial;
        Version = version;
        CheckMatches = checkMatches;
    }

    /// <summary>证照类型代码: defining body's credit code + 3-digit type number.</summary>
    public string TypeCode { get; }

    /// <summary>证照颁发机构代码: credit code (18) or 行政区划代码 (6).</summary>
    public string IssuerCode { get; }

    /// <summary>流水号.</summary>
    public string Serial { get; }

    /// <summary>版本号, 3 digits (001, 002 …).</summary>
    public string Version { get; }

    /// <summary>False only for identifiers accepted by <see cref="ParseLenient"/> with a mismatching check character.</summary>
    public bool CheckMatches { get; }

    /// <summary>Builds an identifier and computes its check character.</summary>
    public static Result<LicenceIdentifier> Create(string typeCode, string issuerCode, string serial, int version)
    {
        if (version is < 1 or > 999)
            return Result<LicenceIdentifier>.Failure(Errors.Version(version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var v = version.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var body = $"{typeCode}{issuerCode}{serial}{v}";
        if (body.Any(c => Symbols.IndexOf(c, StringComparison.Ordinal) < 0))
            return Result<LicenceIdentifier>.Failure(Errors.Characters);
        return Parse($"{Root}.{typeCode}.{issuerCode}.{serial}.{v}.{ComputeCheckCharacter(body)}");
    }

    /// <summary>Parses strictly: the check character must match.</summary>
    public static Result<LicenceIdentifier> Parse(string? input) => ParseCore(input, lenient: false);

    /// <summary>Parses legacy data: a mismatching check character is accepted and flagged in <see cref="CheckMatches"/>.</summary>
    public static Result<LicenceIdentifier> ParseLenient(string? input) => ParseCore(input, lenient: true);

    public static bool TryParse(string? input, out LicenceIdentifier value)
    {
        var r = Parse(input);
        value = r.IsSuccess ? r.Value : default;
        return r.IsSuccess;
    }

    /// <summary>ISO/IEC 7064 MOD 37,36 hybrid check character over 0-9A-Z.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> body)
    {
        var p = 36;
        foreach (var c in body)
        {
            var v = Symbols.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (v < 0) throw new ArgumentException($"'{c}' is not in 0-9A-Z.", nameof(body));
            var t = (p + v) % 36;
            if (t == 0) t = 36;
            p = 2 * t % 37;
        }
        return Symbols[(37 - p) % 36];
    }

    private static Result<LicenceIdentifier> ParseCore(string? input, bool lenient)
    {
        if (string.IsNullOrWhiteSpace(input)) return Result<LicenceIdentifier>.Failure(Errors.Required);
        var text = input.Trim().ToUpperInvariant();
        if (!text.StartsWith(Root + ".", StringComparison.Ordinal)) return Result<LicenceIdentifier>.Failure(Errors.RootMissing);
        var parts = text[(Root.Length + 1)..].Split('.');
        if (parts.Length != 5) return Result<LicenceIdentifier>.Failure(Errors.Parts(parts.Length));
        var (type, issuer, serial, version, check) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        if (type.Length != 21 || !CreditCode.TryParse(type[..18], out _) || !type[18..].All(char.IsAsciiDigit))
            return Result<LicenceIdentifier>.Failure(Errors.Type(type));
        var issuerValid = issuer.Length == 18 ? CreditCode.TryParse(issuer, out _)
            : issuer.Length == 6 && DivisionCode.TryParse(issuer, out _);
        if (!issuerValid) return Result<LicenceIdentifier>.Failure(Errors.Issuer(issuer));
        if (serial.Length is < 1 or > 32 || !serial.All(c => Symbols.Contains(c, StringComparison.Ordinal)))
            return Result<LicenceIdentifier>.Failure(Errors.Serial(serial));
        if (version.Length != 3 || !version.All(char.IsAsciiDigit) || version == "000")
            return Result<LicenceIdentifier>.Failure(Errors.Version(version));
        if (check.Length != 1 || !Symbols.Contains(check[0], StringComparison.Ordinal))
            return Result<LicenceIdentifier>.Failure(Errors.CheckCharacter(ComputeCheckCharacter(type + issuer + serial + version), check));
        var expected = ComputeCheckCharacter(type + issuer + serial + version);
        if (expected != check[0] && !lenient)
            return Result<LicenceIdentifier>.Failure(Errors.CheckCharacter(expected, check));
        return new LicenceIdentifier(text, type, issuer, serial, version, expected == check[0]);
    }

    public override string ToString() => _value ?? "";

    public bool Equals(LicenceIdentifier other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is LicenceIdentifier other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public static bool operator ==(LicenceIdentifier left, LicenceIdentifier right) => left.Equals(right);

    public static bool operator !=(LicenceIdentifier left, LicenceIdentifier right) => !left.Equals(right);

    private static class Errors
    {
        public static readonly Error Required = new("licence_id.required", "请填写电子证照标识。", "A licence identifier is required.");

        public static readonly Error RootMissing = new("licence_id.root", $"电子证照标识应以根代码 {Root} 开头。", $"A licence identifier starts with {Root}.");

        public static readonly Error Characters = new("licence_id.characters", "电子证照标识只能包含数字和大写字母。", "Only digits and capital letters are allowed.");

        public static Error Parts(int count) => new("licence_id.parts",
            $"根代码后应有 5 段（类型代码.颁发机构代码.流水号.版本号.校验位），实际 {count} 段。",
            $"Expected 5 parts after the root (type.issuer.serial.version.check), got {count}.");

        public static Error Type(string type) => new("licence_id.type",
            $"证照类型代码“{type}”应为定义机构的统一社会信用代码加 3 位类型序号（21 位）。",
            $"Type code '{type}' must be the defining body's credit code plus a 3-digit number (21 characters).");

        public static Error Issuer(string issuer) => new("licence_id.issuer",
            $"颁发机构代码“{issuer}”应为统一社会信用代码（18 位）或行政区划代码（6 位）。",
            $"Issuer code '{issuer}' must be a credit code (18) or a division code (6).");

        public static Error Serial(string serial) => new("licence_id.serial",
            $"流水号“{serial}”应为 1–32 位数字或大写字母。", $"Serial '{serial}' must be 1–32 digits or capital letters.");

        public static Error Version(string version) => new("licence_id.version",
            $"版本号“{version}”应为 001–999。", $"Version '{version}' must be 001–999.");

        public static Error CheckCharacter(char expected, string actual) => new("licence_id.check_character",
            $"校验位应为 {expected}，实际为 {actual}。", $"The check character should be {expected}, not {actual}.");
    }
}

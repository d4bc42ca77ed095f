using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qilu.Rules.Semantics;

/// <summary>
/// The value model and JavaScript coercions that JsonLogic inherits from its reference implementation (json-logic-js):
/// ECMAScript abstract equality, relational comparison, ToNumber, parseFloat and Number::toString. Every evaluator
/// (interpreter, compiler, columnar) calls these, so the engines can differ in structure but never in meaning.
/// </summary>
/// <remarks>
/// Runtime values are: <c>null</c>, <see cref="bool"/>, <see cref="double"/>, <see cref="string"/>,
/// <c>object?[]</c> (arrays), <see cref="JsonObject"/> (objects from the data) and <see cref="ReduceScope"/>.
/// NaN and ±Infinity can arise inside a computation (as in JavaScript) and become JSON <c>null</c> on output.
/// </remarks>
internal static class Js
{
    public static readonly object True = true;
    public static readonly object False = false;

    /// <summary>The "not found" marker of <c>var</c>, distinct from a present null (JsonLogic returns the default only then).</summary>
    public static readonly object NotFound = new();

    public static object Box(bool b) => b ? True : False;

    public static object Box(double d) => d;

    // ---------------------------------------------------------------- conversion from and to JSON

    /// <summary>Root data: containers stay as nodes (looked up lazily); scalars are converted.</summary>
    public static object? FromRoot(JsonNode? node) => node is JsonObject or JsonArray ? node : FromNode(node);

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
                return o;
            case JsonArray a:
                var items = new object?[a.Count];
                for (var i = 0; i < items.Length; i++) items[i] = FromNode(a[i]);
                return items;
            case JsonValue v:
                return FromValue(v);
            default:
                return null;
        }
    }

    private static object? FromValue(JsonValue v)
    {
        // Fast paths for the shapes parsed documents and JsonValue.Create produce; the kind switch covers the rest.
        if (v.TryGetValue<double>(out var fast)) return fast;
        if (v.TryGetValue<string>(out var text)) return text;
        if (v.TryGetValue<bool>(out var flag)) return flag ? True : False;
        switch (v.GetValueKind())
        {
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                return v.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(v.ToJsonString());
            case JsonValueKind.Number:
                if (v.TryGetValue<double>(out var d)) return d;
                if (v.TryGetValue<int>(out var i)) return (double)i;
                if (v.TryGetValue<long>(out var l)) return (double)l;
                if (v.TryGetValue<decimal>(out var m)) return (double)m;
                if (v.TryGetValue<float>(out var f)) return (double)f;
                return double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    /// <summary>JSON for a runtime value; NaN and infinities become null and −0 becomes 0, as JSON.stringify does.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        double d => double.IsFinite(d) ? JsonValue.Create(d == 0 ? 0d : d) : null,
        string s => JsonValue.Create(s),
        object?[] a => new JsonArray([.. a.Select(ToNode)]),
        JsonObject o => o.DeepClone(),
        JsonArray a => a.DeepClone(),
        ReduceScope r => new JsonObject { ["current"] = ToNode(r.Current), ["accumulator"] = ToNode(r.Accumulator) },
        _ => throw new InvalidOperationException("Unexpected runtime value " + value.GetType()),
    };

    // ---------------------------------------------------------------- truthiness and coercions

    /// <summary>JsonLogic truthiness: JavaScript's, except that an empty array is falsy.</summary>
    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        object?[] a => a.Length > 0,
        _ => true,
    };

    public static bool IsComposite(object? v) => v is object?[] or JsonObject or ReduceScope or JsonArray;

    /// <summary>ECMAScript ToPrimitive for our composites: arrays join with commas, objects are "[object Object]".</summary>
    public static object? ToPrimitive(object? v) => IsComposite(v) ? ToJsString(v) : v;

    /// <summary>ECMAScript ToNumber.</summary>
    public static double ToNumber(object? v) => v switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s => StringToNumber(s),
        _ => StringToNumber(ToJsString(v)),
    };

    private static bool IsJsWhiteSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    private static string TrimJs(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsJsWhiteSpace(s[start])) start++;
        while (end > start && IsJsWhiteSpace(s[end - 1])) end--;
        return s[start..end];
    }

    /// <summary>ECMAScript StringToNumber: whitespace-trimmed decimal literal, hex/octal/binary prefix, Infinity; "" is 0.</summary>
    public static double StringToNumber(string s)
    {
        var t = TrimJs(s);
        if (t.Length == 0) return 0;
        if (t.Length > 2 && t[0] == '0' && (t[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B'))
        {
            var radix = t[1] is 'x' or 'X' ? 16 : t[1] is 'o' or 'O' ? 8 : 2;
            double acc = 0;
            for (var i = 2; i < t.Length; i++)
            {
                var digit = HexDigit(t[i]);
                if (digit < 0 || digit >= radix) return double.NaN;
                acc = acc * radix + digit;
            }
            return acc;
        }
        var sign = 1.0;
        var body = t;
        if (body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? -1 : 1;
            body = body[1..];
        }
        if (body == "Infinity") return sign * double.PositiveInfinity;
        return DecimalPrefixLength(body) == body.Length && body.Length > 0
            ? sign * double.Parse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)
            : double.NaN;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Length of the longest prefix of <paramref name="s"/> that is an unsigned StrDecimalLiteral (0 if none).</summary>
    private static int DecimalPrefixLength(string s)
    {
        var i = 0;
        var intDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; intDigits++; }
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            var j = i + 1;
            while (j < s.Length && char.IsAsciiDigit(s[j])) { j++; fracDigits++; }
            if (intDigits > 0 || fracDigits > 0) i = j;
        }
        if (intDigits == 0 && fracDigits == 0) return 0;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < s.Length && s[j] is '+' or '-') j++;
            var expDigits = 0;
            while (j < s.Length && char.IsAsciiDigit(s[j])) { j++; expDigits++; }
            if (expDigits > 0) i = j;
        }
        return i;
    }

    /// <summary>JavaScript <c>parseFloat(String(v))</c>, which JsonLogic's <c>+</c> and <c>*</c> use.</summary>
    public static double ParseFloat(object? v)
    {
        if (v is double d) return d == 0 ? 0 : d; // parseFloat(String(-0)) is +0.
        var s = ToJsString(v);
        var i = 0;
        while (i < s.Length && IsJsWhiteSpace(s[i])) i++;
        var sign = 1.0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            sign = s[i] == '-' ? -1 : 1;
            i++;
        }
        var rest = s[i..];
        if (rest.StartsWith("Infinity", StringComparison.Ordinal)) return sign * double.PositiveInfinity;
        var len = DecimalPrefixLength(rest);
        return len == 0
            ? double.NaN
            : sign * double.Parse(rest[..len], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
    }

    /// <summary>ECMAScript ToString.</summary>
    public static string ToJsString(object? v) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        string s => s,
        object?[] a => string.Join(',', a.Select(x => x is null ? "" : ToJsString(x))),
        JsonArray a => ToJsString(FromNode(a)),
        _ => "[object Object]",
    };

    /// <summary>ECMAScript Number::toString (radix 10): shortest round-trip digits, exponent form beyond 1e21 / below 1e-6.</summary>
    public static string NumberToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return "0";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative) r = r[1..];
        var ePos = r.IndexOfAny(['E', 'e']);
        var exp10 = 0;
        var mantissa = r;
        if (ePos >= 0)
        {
            exp10 = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r[..ePos];
        }
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? mantissa[..dot] + mantissa[(dot + 1)..] : mantissa;
        var intLength = dot >= 0 ? dot : mantissa.Length;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        intLength -= lead;
        var n = intLength + exp10;
        var k = digits.Length;
        string body;
        if (k <= n && n <= 21) body = digits + new string('0', n - k);
        else if (n > 0 && n <= 21) body = digits[..n] + "." + digits[n..];
        else if (n > -6 && n <= 0) body = "0." + new string('0', -n) + digits;
        else
        {
            var e = n - 1;
            var es = e >= 0 ? "+" + e.ToString(CultureInfo.InvariantCulture) : e.ToString(CultureInfo.InvariantCulture);
            body = k == 1 ? digits + "e" + es : digits[..1] + "." + digits[1..] + "e" + es;
        }
        return negative ? "-" + body : body;
    }

    // ---------------------------------------------------------------- equality and comparison

    /// <summary>
    /// ECMAScript abstract equality (<c>==</c>). Two composites are never equal: JavaScript compares them by identity,
    /// which a rule cannot observe reliably, so Qilu defines it as false (documented deviation).
    /// </summary>
    public static bool LooseEquals(object? a, object? b)
    {
        while (true)
        {
            if (a is null || b is null) return a is null && b is null;
            switch (a)
            {
                case double da when b is double db:
                    return da == db;
                case string sa when b is string sb:
                    return string.Equals(sa, sb, StringComparison.Ordinal);
                case bool ba when b is bool bb:
                    return ba == bb;
            }
            if (a is bool) { a = ToNumber(a); continue; }
            if (b is bool) { b = ToNumber(b); continue; }
            if (a is double da2 && b is string sb2) return da2 == StringToNumber(sb2);
            if (a is string sa2 && b is double db2) return StringToNumber(sa2) == db2;
            var ca = IsComposite(a);
            var cb = IsComposite(b);
            if (ca && cb) return false;
            if (ca) { a = ToPrimitive(a); continue; }
            if (cb) { b = ToPrimitive(b); continue; }
            return false;
        }
    }

    /// <summary>ECMAScript strict equality (<c>===</c>); composites are never equal (see <see cref="LooseEquals"/>).</summary>
    public static bool StrictEquals(object? a, object? b) => a switch
    {
        null => b is null,
        double da => b is double db && da == db,
        string sa => b is string sb && string.Equals(sa, sb, StringComparison.Ordinal),
        bool ba => b is bool bb && ba == bb,
        _ => false,
    };

    /// <summary>ECMAScript relational comparison: two strings compare by UTF-16 code units, anything else as numbers.</summary>
    public static bool Relational(object? a, object? b, Cmp op)
    {
        var pa = ToPrimitive(a);
        var pb = ToPrimitive(b);
        if (pa is string sa && pb is string sb)
        {
            var c = string.CompareOrdinal(sa, sb);
            return op switch
            {
                Cmp.Less => c < 0,
                Cmp.LessOrEqual => c <= 0,
                Cmp.Greater => c > 0,
                _ => c >= 0,
            };
        }
        return CompareNumbers(ToNumber(pa), ToNumber(pb), op);
    }

    public static bool CompareNumbers(double a, double b, Cmp op) => op switch
    {
        Cmp.Less => a < b,
        Cmp.LessOrEqual => a <= b,
        Cmp.Greater => a > b,
        _ => a >= b,
    };

    // ---------------------------------------------------------------- arithmetic (JsonLogic's definitions)

    /// <summary><c>+</c>: <c>reduce((a, b) =&gt; parseFloat(a) + parseFloat(b), 0)</c>.</summary>
    public static double Add(ReadOnlySpan<object?> args)
    {
        double sum = 0;
        foreach (var a in args) sum = AddStep(sum, ParseFloat(a));
        return sum;
    }

    public static double AddStep(double acc, double next) => (acc == 0 ? 0 : acc) + next;

    /// <summary><c>*</c>: <c>reduce((a, b) =&gt; parseFloat(a) * parseFloat(b))</c>; a single argument is parseFloat'ed too.</summary>
    public static double Multiply(ReadOnlySpan<object?> args)
    {
        var product = ParseFloat(args[0]);
        for (var i = 1; i < args.Length; i++) product = MultiplyStep(product, ParseFloat(args[i]));
        return product;
    }

    public static double MultiplyStep(double acc, double next) => (acc == 0 ? 0 : acc) * next;

    public static double Subtract(object? a, object? b) => ToNumber(a) - ToNumber(b);

    public static double Negate(object? a) => -ToNumber(a);

    public static double Divide(object? a, object? b) => ToNumber(a) / ToNumber(b);

    public static double Modulo(object? a, object? b) => ToNumber(a) % ToNumber(b);

    /// <summary><c>Math.min</c> / <c>Math.max</c> over ToNumber of the arguments (NaN wins; −0 &lt; +0).</summary>
    public static double MinMax(ReadOnlySpan<object?> args, bool max)
    {
        var acc = max ? double.NegativeInfinity : double.PositiveInfinity;
        foreach (var a in args) acc = max ? Math.Max(acc, ToNumber(a)) : Math.Min(acc, ToNumber(a));
        return acc;
    }

    // ---------------------------------------------------------------- strings and arrays

    /// <summary><c>in</c>: substring of a non-empty string, or strict membership in an array; otherwise false.</summary>
    public static bool In(object? needle, object? haystack) => haystack switch
    {
        string s when s.Length > 0 => s.Contains(ToJsString(needle), StringComparison.Ordinal),
        object?[] a => Array.Exists(a, x => StrictEquals(x, needle)),
        _ => false,
    };

    public static string Cat(ReadOnlySpan<object?> args)
    {
        var sb = new StringBuilder();
        foreach (var a in args) sb.Append(ToJsString(a));
        return sb.ToString();
    }

    /// <summary>JsonLogic <c>substr</c>: JavaScript <c>String.prototype.substr(start, length)</c>; a negative length drops characters from the end.</summary>
    public static string Substr(object? source, object? start, object? length, bool hasLength)
    {
        var s = ToJsString(source);
        if (hasLength)
        {
            var n = ToNumber(length);
            if (n < 0)
            {
                var tail = SubstrCore(s, ToIntegerOrInfinity(start), double.PositiveInfinity);
                return SubstrCore(tail, 0, tail.Length + ToIntegerOrInfinity(n));
            }
            return SubstrCore(s, ToIntegerOrInfinity(start), ToIntegerOrInfinity(n));
        }
        return SubstrCore(s, ToIntegerOrInfinity(start), double.PositiveInfinity);
    }

    private static double ToIntegerOrInfinity(object? v)
    {
        var n = ToNumber(v);
        return double.IsNaN(n) ? 0 : Math.Truncate(n);
    }

    private static string SubstrCore(string s, double start, double length)
    {
        var size = s.Length;
        var from = double.IsNegativeInfinity(start) ? 0 : start < 0 ? Math.Max(size + start, 0) : Math.Min(start, size);
        var len = Math.Min(Math.Max(length, 0), size);
        var to = Math.Min(from + len, size);
        return to <= from ? "" : s[(int)from..(int)to];
    }

    /// <summary><c>starts_with</c> (Qilu extra): ordinal prefix test on strings or numbers (division-code prefixes); anything else is false.</summary>
    public static bool StartsWith(object? value, object? prefix) =>
        value is string or double && prefix is string or double
        && Js.ToJsString(value).StartsWith(Js.ToJsString(prefix), StringComparison.Ordinal);

    /// <summary><c>merge</c>: flattens one level; non-array arguments are appended as they are.</summary>
    public static object?[] Merge(ReadOnlySpan<object?> args)
    {
        var list = new List<object?>();
        foreach (var a in args)
        {
            if (a is object?[] arr) list.AddRange(arr);
            else list.Add(a);
        }
        return [.. list];
    }

    public static object?[] AsArray(object? v) => v as object?[] ?? [];

    // ---------------------------------------------------------------- data access

    /// <summary>Splits a <c>var</c> path as JsonLogic does: <c>String(path).split(".")</c>; "" and null mean the whole data.</summary>
    public static string[]? SplitPath(object? path)
    {
        if (path is null) return null;
        var s = ToJsString(path);
        return s.Length == 0 ? null : s.Split('.');
    }

    /// <summary>
    /// Walks <paramref name="segments"/> into <paramref name="data"/>: object properties, array indexes and the
    /// <c>current</c>/<c>accumulator</c> of a reduce scope. Returns <see cref="NotFound"/> when a step is missing or
    /// passes through null; a present null at the end is returned as null (JsonLogic gives the default only for "not found").
    /// </summary>
    public static object? Lookup(object? data, string[]? segments)
    {
        if (segments is null) return data is JsonArray ja ? FromNode(ja) : data;
        var current = data;
        foreach (var seg in segments)
        {
            switch (current)
            {
                case null:
                    return NotFound;
                case JsonObject o:
                    if (!o.TryGetPropertyValue(seg, out var child)) return NotFound;
                    current = child is JsonObject or JsonArray ? child : FromNode(child);
                    break;
                case JsonArray a:
                    if (!TryIndex(seg, a.Count, out var ai)) return NotFound;
                    var element = a[ai];
                    current = element is JsonObject or JsonArray ? element : FromNode(element);
                    break;
                case object?[] arr:
                    if (!TryIndex(seg, arr.Length, out var i)) return NotFound;
                    current = arr[i];
                    break;
                case ReduceScope r:
                    if (seg == "current") current = r.Current;
                    else if (seg == "accumulator") current = r.Accumulator;
                    else return NotFound;
                    break;
                default:
                    return NotFound;
            }
        }
        return current is JsonArray last ? FromNode(last) : current;
    }

    private static bool TryIndex(string seg, int count, out int index) =>
        int.TryParse(seg, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < count;

    public static object? Var(object? data, object? path, object? fallback)
    {
        var v = Lookup(data, SplitPath(path));
        return ReferenceEquals(v, NotFound) ? fallback : v;
    }

    /// <summary><c>missing</c>: the keys whose value is null, absent or the empty string.</summary>
    public static object?[] Missing(object? data, ReadOnlySpan<object?> args)
    {
        var keys = args.Length > 0 && args[0] is object?[] first ? first : args.ToArray();
        var missing = new List<object?>();
        foreach (var key in keys)
        {
            var v = Var(data, key, null);
            if (v is null || v is string { Length: 0 }) missing.Add(key);
        }
        return [.. missing];
    }

    /// <summary><c>missing_some</c>: [] when at least <paramref name="need"/> of the keys are present, else the missing keys.</summary>
    public static object?[] MissingSome(object? data, object? need, object? options)
    {
        var keys = AsArray(options);
        var missing = Missing(data, [keys]);
        return keys.Length - missing.Length >= ToNumber(need) ? [] : missing;
    }
}

/// <summary>Relational operators.</summary>
internal enum Cmp
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>The data that <c>reduce</c>'s logic sees: <c>{"current": …, "accumulator": …}</c>.</summary>
internal sealed class ReduceScope(object? current, object? accumulator)
{
    public object? Current { get; } = current;

    public object? Accumulator { get; } = accumulator;
}

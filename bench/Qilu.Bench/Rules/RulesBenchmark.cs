using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Qilu.Rules;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Rules;

/// <summary>
/// Rules engine throughput: N synthetic enterprises × R eligibility rules (3–6 conditions each, the 惠企政策 screening
/// shape) through <see cref="RuleSet.EvaluateAll"/>, and, on a sample of the same entities in the same run, the
/// compiled per-entity delegates and the plain interpreter (speed-up = interpreted ÷ compiled). Every sampled
/// entity × rule is cross-checked between the three. Options: <c>--entities N</c> (1,000,000), <c>--rules R</c> (100),
/// <c>--sample S</c> (20,000), <c>--runs K</c> (3), <c>--fallback F</c> (rules that need per-entity fallback, 0).
/// </summary>
internal static class RulesBenchmark
{
    private static readonly string[] Industries = [.. Enumerable.Range(1, 40).Select(i => "C" + (10 + i).ToString(CultureInfo.InvariantCulture))];
    private static readonly string[] EntTypes = ["1100", "1200", "2100", "4000", "5100", "9100"];
    private static readonly string[] Credit = ["A", "B", "C", "D", "M"];

    public static int Run(string[] args)
    {
        var entities = Int(args, "--entities", 1_000_000);
        var ruleCount = Int(args, "--rules", 100);
        var sample = Math.Min(entities, Int(args, "--sample", 20_000));
        var runs = Int(args, "--runs", 3);
        var fallbackRules = Int(args, "--fallback", 0);
        var context = new RuleContext(new DateOnly(2026, 11, 29));

        Console.WriteLine($"# Qilu rules benchmark — {TimeProvider.System.GetUtcNow().ToString("u", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"# {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, load {LoadAverage()}");
        Console.WriteLine($"# {N0(entities)} entities × {ruleCount} rules ({fallbackRules} built to need the per-entity fallback), sample {N0(sample)} for compiled/interpreted");

        var schema = RuleSchema.Parse(SchemaJson).Value;
        var sw = Stopwatch.StartNew();
        var table = BuildTable(schema, entities, new Random(7));
        Console.WriteLine($"table fill: {sw.ElapsedMilliseconds} ms ({N0(entities)} rows, {schema.Variables.Count} columns)");

        var random = new Random(11);
        var rules = Enumerable.Range(0, ruleCount).Select(i => RuleDocument.Parse(RandomRule(random, i < fallbackRules)).Value).ToList();
        var invalid = rules.SelectMany(schema.Validate).ToList();
        if (invalid.Count > 0)
        {
            Console.Error.WriteLine("generated rules fail the schema: " + string.Join("; ", invalid.Take(5)));
            return 1;
        }

        sw.Restart();
        var set = RuleSet.Compile(rules, schema);
        Console.WriteLine($"rule set compile: {sw.ElapsedMilliseconds} ms; columnar {Enumerable.Range(0, ruleCount).Count(i => set.Mode(i) == RuleEvaluationMode.Columnar)}, fallback {Enumerable.Range(0, ruleCount).Count(i => set.Mode(i) == RuleEvaluationMode.CompiledFallback)}");

        RuleSetResult? result = null;
        var times = new List<double>();
        for (var k = 0; k < runs; k++)
        {
            result = set.EvaluateAll(table, context);
            times.Add(result.Elapsed.TotalSeconds);
            Console.WriteLine($"columnar EvaluateAll run {k + 1}: {F(result.Elapsed.TotalSeconds, 3)} s");
        }
        var best = times.Min();
        var columnarNs = best * 1e9 / ((double)entities * ruleCount);

        // Compiled and interpreted, per entity, on the first `sample` rows (JSON built beforehand, not timed).
        var rows = Enumerable.Range(0, sample).Select(table.RowToJson).ToArray();
        var compiled = rules.Select(RuleCompiler.Compile).ToArray();
        var compiledHits = new bool[ruleCount, sample];
        var interpretedHits = new bool[ruleCount, sample];
        for (var r = 0; r < Math.Min(ruleCount, 5); r++) compiled[r].IsTrue(rows[0], context); // JIT warm-up
        sw.Restart();
        for (var e = 0; e < sample; e++)
            for (var r = 0; r < ruleCount; r++) compiledHits[r, e] = compiled[r].IsTrue(rows[e], context);
        var compiledSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        for (var e = 0; e < sample; e++)
            for (var r = 0; r < ruleCount; r++) interpretedHits[r, e] = RuleInterpreter.IsTrue(rules[r], rows[e], context);
        var interpretedSeconds = sw.Elapsed.TotalSeconds;

        var mismatches = 0;
        for (var e = 0; e < sample; e++)
            for (var r = 0; r < ruleCount; r++)
                if (compiledHits[r, e] != interpretedHits[r, e] || compiledHits[r, e] != result!.IsTrue(r, e)) mismatches++;

        var pairs = (double)sample * ruleCount;
        var compiledNs = compiledSeconds * 1e9 / pairs;
        var interpretedNs = interpretedSeconds * 1e9 / pairs;
        var hits = Enumerable.Range(0, ruleCount).Sum(r => result!.Count(r));
        Console.WriteLine();
        Console.WriteLine($"columnar:    best {F(best, 3)} s for {N0(entities)} × {ruleCount} = {F(columnarNs, 2)} ns per entity×rule (median {F(Median(times), 3)} s); {N0(hits)} hits");
        Console.WriteLine($"compiled:    {F(compiledNs, 1)} ns per entity×rule ({F(compiledSeconds, 2)} s for {N0(pairs)}), extrapolated {F(compiledNs * entities * ruleCount / 1e9, 1)} s for the full set");
        Console.WriteLine($"interpreted: {F(interpretedNs, 1)} ns per entity×rule ({F(interpretedSeconds, 2)} s), extrapolated {F(interpretedNs * entities * ruleCount / 1e9, 1)} s");
        Console.WriteLine($"speed-up: compiled ÷ interpreted {F(interpretedNs / compiledNs, 1)}×; columnar ÷ compiled {F(compiledNs / columnarNs, 1)}×; columnar ÷ interpreted {F(interpretedNs / columnarNs, 1)}×");
        Console.WriteLine($"cross-check on the sample: {mismatches} mismatches between columnar, compiled and interpreted ({N0(pairs)} entity×rule pairs)");
        Console.WriteLine($"target ≤ 10 s for 1,000,000 × 100: {(entities >= 1_000_000 && ruleCount >= 100 ? best <= 10 ? "MET" : "MISSED" : "n/a (smaller run)")}; load {LoadAverage()}");
        return mismatches == 0 ? 0 : 2;
    }

    private const string SchemaJson = """
        {"variables": [
          {"name": "employees", "type": "number", "required": true, "description": {"zh": "参保职工人数", "en": "Insured employees"}},
          {"name": "revenue", "type": "number", "description": {"zh": "上年营业收入（万元）", "en": "Last year's revenue (10k CNY)"}},
          {"name": "tax_paid", "type": "number", "description": {"zh": "上年纳税额（万元）", "en": "Tax paid last year (10k CNY)"}},
          {"name": "capital", "type": "number", "description": {"zh": "注册资本（万元）", "en": "Registered capital (10k CNY)"}},
          {"name": "rd_ratio", "type": "number", "description": {"zh": "研发投入占比", "en": "R&D spending ratio"}},
          {"name": "industry", "type": "string", "required": true},
          {"name": "division", "type": "string", "required": true},
          {"name": "ent_type", "type": "string", "enum": ["1100", "1200", "2100", "4000", "5100", "9100"]},
          {"name": "credit", "type": "string", "enum": ["A", "B", "C", "D", "M"]},
          {"name": "high_tech", "type": "boolean"},
          {"name": "blacklisted", "type": "boolean", "required": true},
          {"name": "established", "type": "date"},
          {"name": "legal_rep.birth", "type": "date"},
          {"name": "legal_rep.gender", "type": "string"}
        ]}
        """;

    private static EntityTable BuildTable(RuleSchema schema, int rows, Random r)
    {
        var t = new EntityTable(schema, rows);
        var divisions = new[] { "370102", "370103", "370104", "370105", "370112", "370202", "370203", "370211", "370212", "370302", "370602", "370702", "371302" };
        var (employees, revenue, tax, capital, rd) = (t.Numbers("employees"), t.Numbers("revenue"), t.Numbers("tax_paid"), t.Numbers("capital"), t.Numbers("rd_ratio"));
        var (industry, division, entType, credit, gender) = (t.Strings("industry"), t.Strings("division"), t.Strings("ent_type"), t.Strings("credit"), t.Strings("legal_rep.gender"));
        var (highTech, blacklisted) = (t.Booleans("high_tech"), t.Booleans("blacklisted"));
        var (established, birth) = (t.Dates("established"), t.Dates("legal_rep.birth"));
        var start = new DateOnly(1990, 1, 1).DayNumber;
        for (var i = 0; i < rows; i++)
        {
            employees.Set(i, Math.Floor(Math.Exp(r.NextDouble() * 7)));
            if (r.Next(20) != 0) revenue.Set(i, Math.Round(Math.Exp(r.NextDouble() * 10), 1));
            if (r.Next(10) != 0) tax.Set(i, Math.Round(Math.Exp(r.NextDouble() * 6), 1));
            capital.Set(i, 10 * r.Next(1, 10_000));
            if (r.Next(4) != 0) rd.Set(i, Math.Round(r.NextDouble() * 0.2, 3));
            industry.Set(i, Industries[r.Next(Industries.Length)]);
            division.Set(i, divisions[r.Next(divisions.Length)]);
            entType.Set(i, EntTypes[r.Next(EntTypes.Length)]);
            if (r.Next(8) != 0) credit.Set(i, Credit[r.Next(Credit.Length)]);
            highTech.Set(i, r.Next(10) == 0);
            blacklisted.Set(i, r.Next(50) == 0);
            established.Set(i, DateOnly.FromDayNumber(start + r.Next(13_000)));
            if (r.Next(30) != 0) birth.Set(i, DateOnly.FromDayNumber(new DateOnly(1950, 1, 1).DayNumber + r.Next(20_000)));
            gender.Set(i, r.Next(2) == 0 ? "男" : "女");
        }
        return t;
    }

    private static string RandomRule(Random r, bool needsFallback)
    {
        string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
        string Cond() => r.Next(14) switch
        {
            0 => $$"""{">=": [{"var": "employees"}, {{r.Next(5, 300)}}]}""",
            1 => $$"""{"<": [{"var": "revenue"}, {{r.Next(100, 20_000)}}]}""",
            2 => $$"""{"<=": [{{r.Next(1, 100)}}, {"var": "employees"}, {{r.Next(100, 1000)}}]}""",
            3 => $$"""{"in": [{"var": "industry"}, [{{string.Join(", ", Enumerable.Range(0, r.Next(2, 8)).Select(_ => "\"" + Industries[r.Next(Industries.Length)] + "\""))}}]]}""",
            4 => $$"""{"starts_with": [{"var": "division"}, "{{(r.Next(2) == 0 ? "3701" : "3702")}}"]}""",
            5 => """{"==": [{"var": "high_tech"}, true]}""",
            6 => $$"""{"on_or_before": [{"var": "established"}, "{{new DateOnly(2000, 1, 1).AddDays(r.Next(9000)):yyyy-MM-dd}}"]}""",
            7 => $$"""{"<": [{"age": [{"var": "legal_rep.birth"}]}, {{r.Next(35, 60)}}]}""",
            8 => $$"""{">": [{"/": [{"var": "tax_paid"}, {"var": "revenue"}]}, {{Num(r.Next(1, 10) / 100.0)}}]}""",
            9 => """{"in": [{"var": "credit"}, ["A", "B"]]}""",
            10 => """{"!": {"missing": ["revenue", "tax_paid"]}}""",
            11 => $$"""{">=": [{"var": "rd_ratio"}, {{Num(r.Next(1, 15) / 100.0)}}]}""",
            12 => $$"""{"or": [{">=": [{"var": "capital"}, {{r.Next(100, 50_000)}}]}, {"==": [{"var": "ent_type"}, "{{EntTypes[r.Next(EntTypes.Length)]}}"]}]}""",
            _ => $$"""{"<=": [{"days_between": [{"var": "established"}, {"today": []}]}, {{r.Next(365, 9000)}}]}""",
        };
        var conditions = Enumerable.Range(0, r.Next(3, 7)).Select(_ => Cond()).Append("""{"!": {"var": "blacklisted"}}""");
        if (needsFallback) conditions = conditions.Append($$"""{"some": [{"merge": [{"var": "industry"}, {"var": "ent_type"}]}, {"==": [{"var": ""}, "1100"]}]}""");
        return $$"""{"and": [{{string.Join(", ", conditions)}}]}""";
    }
}

namespace Qilu.Rules;

/// <summary>How <see cref="RuleSet"/> evaluates a rule over a table.</summary>
public enum RuleEvaluationMode
{
    /// <summary>Column at a time, into bitsets (conditions shared between rules are evaluated once).</summary>
    Columnar,
    /// <summary>Row at a time with the compiled delegate over each row's JSON (the columnar planner cannot handle a part of it).</summary>
    CompiledFallback,
}

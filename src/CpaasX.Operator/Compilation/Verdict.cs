using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>The outcome of the rules for one object: Ready (reason <c>Resolved</c>) or not, with the reason and a message.</summary>
internal sealed record Verdict(string Reason, string Message)
{
    public static Verdict Resolved { get; } = new(ConditionReasons.Resolved, "Resolved; part of the namespace's routing table.");

    public bool IsReady => Reason == ConditionReasons.Resolved;
}

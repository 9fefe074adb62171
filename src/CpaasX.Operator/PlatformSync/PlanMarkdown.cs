using CpaasX.Operator.Diff;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// A <see cref="SyncPlan"/> in the routing diff's markdown format, kept as <c>plan.md</c> in the namespace's
/// <see cref="StoredSyncRecord"/>: the summary line of the Event, then the writes in the order they are made, the
/// adoptions, the account objects left alone and the declared objects not synced, each table cut at
/// <see cref="MarkdownTable.MaxRows"/> rows. It says nothing that changes from pass to pass but the plan (no time), so
/// an unchanged plan is not written again.
/// </summary>
internal static class PlanMarkdown
{
    public static string Of(SyncPlan plan, PlatformSyncMode mode)
    {
        using StringWriter output = new() { NewLine = "\n" };
        output.WriteLine("### CPaaS X platform sync plan");
        output.WriteLine();
        output.WriteLine(mode == PlatformSyncMode.Plan
            ? $"**Plan mode, nothing is written to the platform:** {plan.Summary()}."
            : $"**Apply mode:** {plan.Summary()}.");
        const string Rest = "not listed here";
        MarkdownTable.Write(output, "Operations", "in the order they are made", ["action", "kind", "platform key", "declaring object", "why"],
            plan.Operations,
            operation => [operation.Action.ToString(), operation.Kind.ToString(), operation.Key, operation.Owner ?? "-", operation.Why], Rest);
        MarkdownTable.Write(output, "Adopted", "already on the account as declared", ["kind", "platform key", "declaring object"],
            plan.Adoptions,
            adoption => [adoption.Kind.ToString(), adoption.Key, adoption.Owner], Rest);
        MarkdownTable.Write(output, "Left alone", "on the account, not written", ["object and why"],
            plan.Reported,
            line => [line], Rest);
        MarkdownTable.Write(output, "Not synced", null, ["object", "why"],
            plan.NotSynced,
            item => [item.Owner, item.Reason], Rest);
        return output.ToString();
    }
}

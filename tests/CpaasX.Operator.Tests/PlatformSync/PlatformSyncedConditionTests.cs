using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>
/// The sync's verdicts folded into the desired statuses: a PlatformSynced condition after the kstatus ones, which it
/// never changes; none without verdicts; its transition time kept while its status holds.
/// </summary>
public sealed class PlatformSyncedConditionTests
{
    private static readonly ICustomResource[] Objects =
    [
        App("checkout"), Alpha("shop-alpha"), Number("old-line", created: Epoch.AddDays(-1)), Number("new-line"),
        Assoc("alpha-sms", "shop-alpha", Channel.Sms, "checkout"), Assoc("ghost-sms", "ghost", Channel.Sms, "checkout"),
    ];

    [Fact]
    public void A_false_verdict_changes_neither_Ready_nor_what_kstatus_computes()
    {
        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, Objects), ResourceValueIndex.Empty, Now);

        var folded = PlatformSyncedCondition.Fold(compiled, Verdicts(compiled, synced: false, "plan mode, not applied"), Now);

        Assert.Equal(
            [Kstatus.Current, Kstatus.Current, Kstatus.Current, Kstatus.Failed, Kstatus.Current, Kstatus.InProgress],
            folded.Objects.Select(item => Kstatus.Compute(Kstatus.V1ObjectMetaLike.Of(item.Object), item.DesiredStatus)));
        foreach ((var before, var after) in compiled.Objects.Zip(folded.Objects))
        {
            Assert.Equal(before.DesiredStatus.Conditions!, after.DesiredStatus.Conditions!.SkipLast(1));
            var synced = after.DesiredStatus.Conditions![^1];
            Assert.Equal((ConditionTypes.PlatformSynced, ConditionStatuses.False, PlatformSyncedReasons.PlanPending), (synced.Type, synced.Status, synced.Reason));
        }
    }

    [Fact]
    public void Without_verdicts_no_object_keeps_the_condition()
    {
        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, Objects), ResourceValueIndex.Empty, Now);
        Observe(PlatformSyncedCondition.Fold(compiled, Verdicts(compiled, synced: true, "the account holds what it declares"), Now));
        Assert.All(Objects, item => Assert.Contains(item.StatusObject!.Conditions!, condition => condition.Type == ConditionTypes.PlatformSynced));

        var unbound = PlatformSyncedCondition.Fold(
            NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, Objects), ResourceValueIndex.Empty, Now.AddMinutes(1)), null, Now.AddMinutes(1));

        Assert.All(unbound.Objects, item => Assert.DoesNotContain(item.DesiredStatus.Conditions!, condition => condition.Type == ConditionTypes.PlatformSynced));
    }

    [Fact]
    public void The_transition_time_holds_while_the_status_does()
    {
        static Condition Synced(DateTimeOffset at, bool synced, string message)
        {
            var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, Objects), ResourceValueIndex.Empty, at);
            var folded = PlatformSyncedCondition.Fold(compiled, Verdicts(compiled, synced, message), at);
            Observe(folded);
            return folded.Find("ResourceAssociation/alpha-sms").DesiredStatus.Conditions!.Single(condition => condition.Type == ConditionTypes.PlatformSynced);
        }

        Assert.Equal(Now, Synced(Now, false, "being applied").LastTransitionTime);
        var stillFalse = Synced(Now.AddMinutes(1), false, "not applied yet");
        Assert.Equal((Now, "not applied yet"), (stillFalse.LastTransitionTime, stillFalse.Message));
        Assert.Equal(Now.AddMinutes(2), Synced(Now.AddMinutes(2), true, "applied").LastTransitionTime);
    }

    private static Dictionary<string, ObjectSyncState> Verdicts(CompileResult compiled, bool synced, string message) =>
        compiled.Objects.ToDictionary(
            item => DeclaredAccount.Owner(item.Object),
            item => new ObjectSyncState(synced, synced ? PlatformSyncedReasons.Synced : PlatformSyncedReasons.PlanPending, message, item.Object.Metadata.Generation));
}

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>
/// The desired statuses as kstatus reads them (<see cref="Kstatus"/>): an object that needs a change by the user is
/// Failed at once (Flux fails fast), one that waits for something still to come is InProgress, a Ready one Current.
/// </summary>
public sealed class KstatusConditionTests
{
    private static readonly string[] StalledReasons =
    [
        ConditionReasons.Invalid, ConditionReasons.Duplicate, ConditionReasons.Conflict, ConditionReasons.Incompatible,
        ConditionReasons.DefaultNotAllowedOnSharedNumber, ConditionReasons.Undecodable,
    ];

    public static TheoryData<string> Rules() => [.. CompileRuleTests.Cases.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_outcome_reads_as_kstatus_should(string rule)
    {
        var @case = CompileRuleTests.Cases[rule];
        var compiled = Compile(@case.Objects).Find(@case.Subject);

        var computed = Kstatus.Compute(Kstatus.V1ObjectMetaLike.Of(compiled.Object), compiled.DesiredStatus);

        var expected = @case.Reason == ConditionReasons.Resolved ? Kstatus.Current
            : StalledReasons.Contains(@case.Reason) ? Kstatus.Failed
            : Kstatus.InProgress;
        Assert.Equal(expected, computed);
    }

    [Fact]
    public void A_ready_object_carries_only_the_Ready_condition()
    {
        var line = Compile(App("checkout"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "checkout")).Find("ResourceAssociation/line-sms");

        Assert.Equal([ConditionTypes.Ready], line.DesiredStatus.Conditions!.Select(condition => condition.Type));
    }

    [Fact]
    public void Stalled_and_Reconciling_carry_the_Ready_reason_and_message_and_are_only_ever_True()
    {
        var result = Compile(App("checkout"), Number("old-line", created: Epoch.AddDays(-1)), Number("new-line"), Assoc("ghost-sms", "ghost", Channel.Sms, "checkout"));

        foreach (var (subject, type) in new[] { ("Resource/new-line", ConditionTypes.Stalled), ("ResourceAssociation/ghost-sms", ConditionTypes.Reconciling) })
        {
            var compiled = result.Find(subject);
            var ready = compiled.Ready();
            var beside = Assert.Single(compiled.DesiredStatus.Conditions!, condition => condition.Type != ConditionTypes.Ready);
            Assert.Equal((type, ConditionStatuses.True, ready.Reason, ready.Message), (beside.Type, beside.Status, beside.Reason, beside.Message));
        }
    }

    [Fact]
    public void A_status_of_an_older_generation_is_in_progress_until_recompiled()
    {
        ICustomResource[] objects = [App("checkout"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "checkout")];
        Observe(Compile(objects));
        objects[1].Metadata.Generation = 2;

        Assert.Equal(Kstatus.InProgress, Kstatus.Compute(Kstatus.V1ObjectMetaLike.Of(objects[1]), objects[1].StatusObject));
        var line = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, objects), ResourceValueIndex.Empty, Now.AddHours(1)).Find("Resource/line");
        Assert.Equal(Kstatus.Current, Kstatus.Compute(Kstatus.V1ObjectMetaLike.Of(line.Object), line.DesiredStatus));
    }

    [Fact]
    public void Stalled_keeps_its_transition_time_while_it_holds_and_goes_once_the_object_is_fixed()
    {
        var line = Number("line", number: "+1");
        ICustomResource[] objects = [line];
        Observe(Compile(objects));

        var stalled = Compile(objects).Find("Resource/line").DesiredStatus.Conditions!.Single(condition => condition.Type == ConditionTypes.Stalled);
        Assert.Equal(Now, stalled.LastTransitionTime);

        line.Spec = Number("line").Spec;
        var fixedLine = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, objects), ResourceValueIndex.Build([line]), Now.AddHours(1)).Find("Resource/line");
        Assert.Equal([ConditionTypes.Ready], fixedLine.DesiredStatus.Conditions!.Select(condition => condition.Type));
    }
}

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;

namespace CpaasX.Operator.Tests.Writing;

public sealed class ReadinessEventsTests
{
    [Fact]
    public void Becoming_ready_is_a_normal_event()
    {
        var planned = ReadinessEvents.For(Compiled(
            Ready(ConditionStatuses.False, ConditionReasons.ReferenceNotFound),
            Ready(ConditionStatuses.True, ConditionReasons.Resolved)));

        Assert.Equal(new PlannedEvent(PlannedEvent.Normal, ReadinessEvents.BecameReadyReason, "because"), planned);
    }

    [Fact]
    public void A_first_status_raises_no_Ready_event_but_a_blocked_deletion_still_warns()
    {
        Assert.Null(ReadinessEvents.For(Compiled(observed: null, Ready(ConditionStatuses.True, ConditionReasons.Resolved))));
        Assert.Null(ReadinessEvents.For(Compiled(observed: null, Ready(ConditionStatuses.False, ConditionReasons.ReferenceNotFound))));
        Assert.Equal(ConditionReasons.InUse, ReadinessEvents.For(Compiled(observed: null, Ready(ConditionStatuses.False, ConditionReasons.InUse)))?.Reason);
    }

    [Fact]
    public void Losing_ready_is_a_warning_with_the_condition_reason_and_message()
    {
        var planned = ReadinessEvents.For(Compiled(
            Ready(ConditionStatuses.True, ConditionReasons.Resolved),
            Ready(ConditionStatuses.False, ConditionReasons.ReferenceNotFound, "Resource main-line not found")));

        Assert.Equal(new PlannedEvent(PlannedEvent.Warning, ConditionReasons.ReferenceNotFound, "Resource main-line not found"), planned);
    }

    [Fact]
    public void Deletion_blocked_by_referrers_is_an_InUse_warning_once()
    {
        var inUse = Ready(ConditionStatuses.False, ConditionReasons.InUse, "Referenced by ResourceAssociation/a");

        Assert.Equal(
            new PlannedEvent(PlannedEvent.Warning, ConditionReasons.InUse, "Referenced by ResourceAssociation/a"),
            ReadinessEvents.For(Compiled(Ready(ConditionStatuses.True, ConditionReasons.Resolved), inUse)));
        Assert.Null(ReadinessEvents.For(Compiled(inUse, inUse with { Message = "Referenced by ResourceAssociation/b" })));
    }

    [Theory]
    [InlineData(ConditionStatuses.True, ConditionReasons.Resolved, ConditionStatuses.True, ConditionReasons.Resolved)]
    [InlineData(ConditionStatuses.False, ConditionReasons.Invalid, ConditionStatuses.False, ConditionReasons.ReferenceNotFound)]
    [InlineData(ConditionStatuses.Unknown, ConditionReasons.ReferenceNotFound, ConditionStatuses.False, ConditionReasons.Duplicate)]
    public void Other_changes_raise_no_event(string observedStatus, string observedReason, string desiredStatus, string desiredReason) =>
        Assert.Null(ReadinessEvents.For(Compiled(Ready(observedStatus, observedReason), Ready(desiredStatus, desiredReason))));

    private static Condition Ready(string status, string reason, string message = "because") =>
        TestStatuses.Ready(status, reason, TestStatuses.Earlier, message);

    private static CompiledObject Compiled(Condition? observed, Condition desired)
    {
        var app = new Application
        {
            Status = observed is null ? null : new ApplicationStatus { Conditions = [observed] },
        };
        return new CompiledObject(app, new ApplicationStatus { Conditions = [desired] }, null, []);
    }
}

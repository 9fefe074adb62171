using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>In-use protection: which objects keep the finalizer, and who holds a deleting one.</summary>
public sealed class CompileDeletionTests
{
    [Fact]
    public void Protected_objects_keep_the_finalizer_while_not_deleting()
    {
        var result = Compile(App("checkout"), Ent("acme"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "checkout", "acme"));

        Assert.True(result.Find("Application/checkout").KeepsFinalizer);
        Assert.True(result.Find("Entity/acme").KeepsFinalizer);
        Assert.True(result.Find("Resource/line").KeepsFinalizer);
        Assert.Null(result.Find("ResourceAssociation/line-sms").KeepsFinalizer);
        Assert.Equal(["ResourceAssociation/line-sms"], result.Find("Resource/line").Referrers);
    }

    [Fact]
    public void Deleting_object_still_referenced_is_in_use_and_names_its_referrers()
    {
        var result = Compile(
            Deleting(App("checkout")),
            Number("line", application: "checkout"),
            Assoc("line-sms", "line", Channel.Sms, "checkout"),
            Strategy("checkout-strategy", "checkout"),
            Inbound("line-in", "line", application: "checkout"));
        var checkout = result.Find("Application/checkout");

        Assert.True(checkout.KeepsFinalizer);
        Assert.Equal(["InboundConfiguration/line-in", "Resource/line", "ResourceAssociation/line-sms", "SenderStrategy/checkout-strategy"], checkout.Referrers);
        Assert.Equal(ConditionReasons.InUse, checkout.Ready().Reason);
        Assert.Contains("ResourceAssociation/line-sms", checkout.Ready().Message, StringComparison.Ordinal);
        Assert.Empty(result.Table.Applications);
    }

    [Fact]
    public void Referrers_that_are_not_ready_still_hold_a_deleting_object()
    {
        var line = Compile(Deleting(Number("line")), Assoc("broken", "line", Channel.Email)).Find("Resource/line");

        Assert.True(line.KeepsFinalizer);
        Assert.Equal(ConditionReasons.InUse, line.Ready().Reason);
    }

    [Fact]
    public void Deleting_object_nothing_references_lets_the_finalizer_go()
    {
        var line = Compile(Deleting(Number("line")), App("checkout")).Find("Resource/line");

        Assert.False(line.KeepsFinalizer);
        Assert.Empty(line.Referrers);
    }

    [Fact]
    public void A_whole_tenant_deleted_at_once_lets_every_finalizer_go()
    {
        var result = Compile(
            Deleting(App("checkout")),
            Deleting(Ent("acme")),
            Deleting(Number("line", application: "checkout")),
            Deleting(Assoc("line-sms", "line", Channel.Sms, "checkout", "acme")),
            Deleting(Inbound("line-in", "line", entity: "acme")));

        Assert.All(result.Objects.Where(compiled => compiled.KeepsFinalizer is not null), compiled => Assert.False(compiled.KeepsFinalizer));
    }

    [Fact]
    public void Deleting_object_contributes_nothing_to_routing()
    {
        var result = Compile(App("checkout"), Number("line"), Deleting(Assoc("line-sms", "line", Channel.Sms, "checkout")));

        Assert.Empty(result.Table.OutboundPools);
        Assert.Empty(((ResourceStatus)result.Find("Resource/line").DesiredStatus).Associations!);
    }

    [Fact]
    public void Deleting_object_nothing_holds_keeps_its_observed_status()
    {
        var line = Deleting(Number("line"));
        line.Status = new ResourceStatus { Value = "observed" };

        Assert.Same(line.Status, Compile(line).Find("Resource/line").DesiredStatus);
    }
}

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>Desired statuses: observedGeneration, the Ready condition's transitions, and the associations-in-status fields.</summary>
public sealed class CompileStatusTests
{
    private static ICustomResource[] Shop() =>
    [
        App("checkout", id: "checkout-prod"),
        Ent("acme"),
        Number("line", application: "checkout"),
        Alpha("brand"),
        Assoc("line-sms", "line", Channel.Sms, "checkout", "acme"),
        Assoc("brand-sms", "brand", Channel.Sms, "checkout", "acme"),
        Assoc("line-voice", "line", Channel.Voice, entity: "acme"),
        Strategy("pair", "checkout", "acme"),
        Inbound("line-stop", "line", keyword: "STOP", entity: "acme"),
        Inbound("line-default", "line"),
    ];

    [Fact]
    public void Unchanged_namespace_recompiles_to_the_observed_statuses()
    {
        var objects = Shop();
        Observe(Compile(objects));

        var again = NamespaceCompiler.Compile(
            NamespaceSnapshot.Of(Namespace, objects), ResourceValueIndex.Build(objects.OfType<Resource>()), Now.AddHours(1));

        Assert.All(again.Objects, compiled => Assert.Same(compiled.Object.StatusObject, compiled.DesiredStatus));
    }

    [Fact]
    public void Last_transition_time_is_kept_while_ready_does_not_flip()
    {
        ICustomResource[] objects = [App("checkout"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "checkout")];
        Observe(Compile(objects));
        objects[1].Metadata.Generation = 2;

        var line = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, objects), ResourceValueIndex.Empty, Now.AddHours(1)).Find("Resource/line");

        Assert.Equal(Now, line.Ready().LastTransitionTime);
        Assert.Equal(2, line.Ready().ObservedGeneration);
        Assert.Equal(2, line.DesiredStatus.ObservedGeneration);
    }

    [Fact]
    public void Last_transition_time_moves_when_ready_flips()
    {
        var line = Number("line");
        ICustomResource[] objects = [App("checkout"), line, Assoc("line-sms", "line", Channel.Sms, "checkout")];
        Observe(Compile(objects));
        line.Spec = line.Spec with { Number = line.Spec.Number! with { Capabilities = [Channel.Voice] } };
        var later = Now.AddHours(1);

        var result = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, objects), ResourceValueIndex.Empty, later);

        Assert.Equal(later, result.Find("ResourceAssociation/line-sms").Ready().LastTransitionTime);
        Assert.Equal(ConditionStatuses.False, result.Find("ResourceAssociation/line-sms").Ready().Status);
        Assert.Equal(Now, result.Find("Resource/line").Ready().LastTransitionTime);
    }

    [Fact]
    public void Observed_status_that_breaks_the_schema_does_not_make_the_object_invalid()
    {
        var line = Number("line");
        line.Status = new ResourceStatus { ObservedGeneration = -1, Conditions = [new Condition { Type = "not a type", Reason = "" }] };

        Assert.Equal(ConditionReasons.Resolved, Compile(line).Find("Resource/line").Ready().Reason);
    }

    [Fact]
    public void Resource_shows_its_value_and_every_association_naming_it_with_readiness()
    {
        var status = (ResourceStatus)Compile([.. Shop(), Assoc("line-for-nobody", "line", Channel.Sms, "missing-app")])
            .Find("Resource/line").DesiredStatus;

        Assert.Equal("+12015550101", status.Value);
        Assert.Equal(3, status.AssociationCount);
        Assert.Equal(
            [
                new AssociationSummary { Name = "line-for-nobody", Channel = Channel.Sms, Ready = ConditionStatuses.False, Reason = ConditionReasons.ReferenceNotFound },
                new AssociationSummary { Name = "line-sms", Channel = Channel.Sms, Ready = ConditionStatuses.True, Reason = ConditionReasons.Resolved, ApplicationId = "checkout-prod", EntityId = "acme" },
                new AssociationSummary { Name = "line-voice", Channel = Channel.Voice, Ready = ConditionStatuses.True, Reason = ConditionReasons.Resolved, ApplicationId = "default", EntityId = "acme" },
            ],
            status.Associations);
    }

    [Fact]
    public void A_busy_resource_lists_the_first_associations_and_counts_all()
    {
        ICustomResource[] objects =
        [
            Number("line"),
            .. Enumerable.Range(0, 60).Select(i => Assoc($"line-{i:D2}", "line", Channel.Sms, $"app-{i:D2}")),
        ];

        var status = (ResourceStatus)Compile(objects).Find("Resource/line").DesiredStatus;

        Assert.Equal(60, status.AssociationCount);
        Assert.Equal(AssociationList.MaxListed, status.Associations!.Count);
        Assert.All(status.Associations, summary => Assert.Equal(ConditionReasons.ReferenceNotFound, summary.Reason));
    }

    [Theory]
    [InlineData("55123", NumberType.ShortCode, "55123@US")]
    [InlineData("+12015550101", NumberType.VirtualLongNumber, "+12015550101")]
    public void Resource_value_of_a_number(string number, NumberType type, string value) =>
        Assert.Equal(value, ((ResourceStatus)Compile(Number("line", number: number, type: type)).Find("Resource/line").DesiredStatus).Value);

    [Fact]
    public void Application_and_entity_count_and_list_their_ready_associations()
    {
        var result = Compile(Shop());

        var application = (ApplicationStatus)result.Find("Application/checkout").DesiredStatus;
        var entity = (EntityStatus)result.Find("Entity/acme").DesiredStatus;

        Assert.Equal("checkout-prod", application.ApplicationId);
        Assert.Equal(2, application.AssociationCount);
        Assert.Equal(["brand-sms", "line-sms"], application.Associations);
        Assert.Equal("acme", entity.EntityId);
        Assert.Equal(3, entity.AssociationCount);
        Assert.Equal(["brand-sms", "line-sms", "line-voice"], entity.Associations);
    }

    [Fact]
    public void A_busy_application_lists_the_first_names_and_counts_all()
    {
        ICustomResource[] objects =
        [
            App("busy"),
            .. Enumerable.Range(0, 60).SelectMany(i => new ICustomResource[]
            {
                Number($"line-{i:D2}", number: $"+120155501{i:D2}"),
                Assoc($"line-{i:D2}-sms", $"line-{i:D2}", Channel.Sms, "busy"),
            }),
        ];

        var status = (ApplicationStatus)Compile(objects).Find("Application/busy").DesiredStatus;

        Assert.Equal(60, status.AssociationCount);
        Assert.Equal(AssociationList.MaxListed, status.Associations!.Count);
        Assert.Equal("line-00-sms", status.Associations[0]);
    }

    [Fact]
    public void Association_shows_what_it_resolved_to()
    {
        var status = (ResourceAssociationStatus)Compile(Shop()).Find("ResourceAssociation/line-voice").DesiredStatus;

        Assert.Equal(
            new ResolvedAssociation { ResourceType = ResourceType.Number, Value = "+12015550101", ApplicationId = "default", EntityId = "acme", Channel = Channel.Voice },
            status.Resolved);
    }

    [Fact]
    public void Strategy_shows_its_pool_in_priority_order()
    {
        var status = (SenderStrategyStatus)Compile(Shop()).Find("SenderStrategy/pair").DesiredStatus;

        Assert.Equal(2, status.SenderCount);
        Assert.Equal(["line", "brand"], status.SenderPool!.Select(sender => sender.Resource));
        Assert.Equal(SenderType.VirtualLongNumber, status.SenderPool![0].SenderType);
    }

    [Theory]
    [InlineData("InboundConfiguration/line-stop", "default", "acme", RouteSource.Configuration)]
    [InlineData("InboundConfiguration/line-default", "checkout-prod", null, RouteSource.Resource)]
    public void Inbound_configuration_shows_its_effective_route(string subject, string application, string? entity, RouteSource source)
    {
        var status = (InboundConfigurationStatus)Compile(Shop()).Find(subject).DesiredStatus;

        Assert.Equal(new EffectiveRoute { ApplicationId = application, EntityId = entity, Source = source }, status.EffectiveRoute);
    }

    [Fact]
    public void Inbound_configuration_with_nothing_set_anywhere_routes_to_default()
    {
        var status = (InboundConfigurationStatus)Compile(Number("line"), Inbound("in", "line")).Find("InboundConfiguration/in").DesiredStatus;

        Assert.Equal(new EffectiveRoute { ApplicationId = "default", Source = RouteSource.Default }, status.EffectiveRoute);
    }
}

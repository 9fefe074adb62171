using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime.Client;

using CpaasX.Routing.Model;

using k8s.Models;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>An object that does not decode is present but never Ready; what references it says why.</summary>
public sealed class CompileUndecodableTests
{
    private static readonly UndecodableObject Satellite = new(
        "cpaasx.io/v1alpha1", "Resource", new V1ObjectMeta { Name = "sat", NamespaceProperty = Namespace, ResourceVersion = "7", Generation = 2 },
        "$.spec.type", "\"SATELLITE\"", "The JSON value could not be converted to CpaasX.Routing.Model.ResourceType.", null);

    [Fact]
    public void The_undecodable_object_is_not_Ready_with_path_and_value_and_its_referrers_are_ReferenceNotFound()
    {
        var result = CompileWith([Satellite], App("checkout"), Assoc("sat-mail", "sat", Channel.Email, "checkout"));

        var compiled = Assert.Single(result.Undecodable);
        Assert.Equal((ConditionStatuses.False, ConditionReasons.Undecodable, 2L), (compiled.Ready.Status, compiled.Ready.Reason, compiled.Ready.ObservedGeneration));
        Assert.Contains("$.spec.type = \"SATELLITE\"", compiled.Ready.Message, StringComparison.Ordinal);
        Assert.False(compiled.IsUnchanged);
        var association = result.Find("ResourceAssociation/sat-mail").Ready();
        Assert.Equal(ConditionReasons.ReferenceNotFound, association.Reason);
        Assert.StartsWith("Resource sat is not Ready (Undecodable: $.spec.type = \"SATELLITE\"", association.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatuses.True, result.Find("Application/checkout").Ready().Status);
    }

    [Fact]
    public void Conditions_already_written_are_unchanged_and_keep_their_transition_time()
    {
        var compiled = CompileWith([Satellite]).Undecodable.Single();
        var first = compiled.Ready;
        var written = Satellite with { Status = new JsonObject { ["conditions"] = System.Text.Json.JsonSerializer.SerializeToNode(compiled.Conditions, Operator.Api.Serialization.CpaasxJson.Options) } };

        var again = NamespaceCompiler.Compile(new NamespaceSnapshot(Namespace, [], [], [], [], [], []) { Undecodable = [written] }, ResourceValueIndex.Empty, Now.AddHours(1)).Undecodable.Single();

        Assert.True(again.IsUnchanged);
        Assert.Equal(first.LastTransitionTime, again.Ready.LastTransitionTime);
        Assert.Equal([ConditionTypes.Ready, ConditionTypes.Stalled], again.Conditions.Select(condition => condition.Type));
    }

    [Fact]
    public void A_namespace_holding_only_an_undecodable_object_is_not_empty()
    {
        Assert.False(new NamespaceSnapshot(Namespace, [], [], [], [], [], []) { Undecodable = [Satellite] }.IsEmpty);
    }

    private static CompileResult CompileWith(IReadOnlyList<UndecodableObject> undecodable, params ICustomResource[] objects) =>
        NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, objects) with { Undecodable = undecodable }, ResourceValueIndex.Empty, Now);
}

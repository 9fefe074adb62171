using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Tests.Support;
using CpaasX.Testing;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// A Resource whose stored spec the operator's model cannot decode (a type it does not know), applied with the real
/// kubectl: once into a server that checks no schema at all, once through a CRD rollback (the schema allowed the value
/// when the object was written, no longer does). It costs only itself and what references it; a fix recovers it.
/// </summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.Faults)]
public sealed class PoisonObjectEndToEndTests
{
    private const string Namespace = "shop";

    private const string Objects = """
        apiVersion: cpaasx.io/v1alpha1
        kind: Application
        metadata: {name: checkout, namespace: shop}
        spec: {}
        ---
        apiVersion: cpaasx.io/v1alpha1
        kind: Resource
        metadata: {name: mail, namespace: shop}
        spec: {type: DOMAIN, domain: {domainName: mail.shop.example}}
        ---
        apiVersion: cpaasx.io/v1alpha1
        kind: ResourceAssociation
        metadata: {name: sat-mail, namespace: shop}
        spec: {resourceRef: {name: sat}, channel: EMAIL, applicationRef: {name: checkout}}
        """;

    private const string Poison = """
        apiVersion: cpaasx.io/v1alpha1
        kind: Resource
        metadata: {name: sat, namespace: shop}
        spec: {type: SATELLITE}
        """;

    private const string Fixed = """
        apiVersion: cpaasx.io/v1alpha1
        kind: Resource
        metadata: {name: sat, namespace: shop}
        spec: {type: DOMAIN, domain: {domainName: sat.shop.example}}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_undecodable_resource_is_not_Ready_its_referrers_say_why_the_rest_is_routed_and_a_fix_recovers_it(bool schemaValidation)
    {
        await using var cluster = await OperatorCluster.StartAsync();
        using var kubectl = new Kubectl(cluster.Server);
        await Succeeds(kubectl.Run($"create namespace {Namespace}"));
        await StorePoisonAsync(cluster, kubectl, schemaValidation);
        await Succeeds(kubectl.Run("apply -f -", Objects));

        var instance = await cluster.StartOperatorAsync();

        await OperatorCluster.EventuallyAsync(async () => (await ReadyAsync(kubectl, "resourceassociations", "sat-mail"))?.Reason == ConditionReasons.ReferenceNotFound, "the association names the undecodable resource");
        Assert.Contains($"Resource sat is not Ready ({ConditionReasons.Undecodable}: $.spec.type = \"SATELLITE\"", (await ReadyAsync(kubectl, "resourceassociations", "sat-mail"))!.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatuses.True, (await ReadyAsync(kubectl, "applications", "checkout"))?.Status);
        Assert.Equal(ConditionStatuses.True, (await ReadyAsync(kubectl, "resources", "mail"))?.Status);
        await OperatorCluster.EventuallyAsync(
            async () => (await cluster.EventsAsync(Namespace)).Any(recorded => recorded.Reason == ConditionReasons.Undecodable && recorded.InvolvedObject.Name == "sat"), "an Event on the resource");
        Assert.True(instance.Metrics.DecodeErrors.WithLabels("Resource").Value >= 1);
        if (!schemaValidation)
        {
            // Where the status can be written, only the condition is: Ready=False, reason Undecodable, with the path and the value.
            await OperatorCluster.EventuallyAsync(async () => (await ReadyAsync(kubectl, "resources", "sat"))?.Reason == ConditionReasons.Undecodable, "the resource's condition");
            Assert.Contains("$.spec.type = \"SATELLITE\"", (await ReadyAsync(kubectl, "resources", "sat"))!.Message, StringComparison.Ordinal);
        }

        await Succeeds(kubectl.Run("apply -f -", Fixed));

        await OperatorCluster.EventuallyAsync(async () => (await ReadyAsync(kubectl, "resources", "sat"))?.Status == ConditionStatuses.True, "the fixed resource is Ready");
        await OperatorCluster.EventuallyAsync(async () => (await ReadyAsync(kubectl, "resourceassociations", "sat-mail"))?.Status == ConditionStatuses.True, "its association is Ready");
        Assert.Contains("sat-mail", (await cluster.GetConfigMapAsync(Namespace))!.Data.Values.Single(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Without validation the server stores the value as sent. With it, as after a rollback: a CRD whose type enum also
    /// has SATELLITE admits the object, then the CRD as the operator generates it is applied again.
    /// </summary>
    private static async Task StorePoisonAsync(OperatorCluster cluster, Kubectl kubectl, bool schemaValidation)
    {
        var crd = RepositoryRoot.Combine("config", "crds", "resources.cpaasx.io.yaml");
        if (schemaValidation)
        {
            var newer = (await File.ReadAllTextAsync(crd)).Replace("                - WEBRTC_PUSH\n", "                - WEBRTC_PUSH\n                - SATELLITE\n", StringComparison.Ordinal);
            await Succeeds(kubectl.Run("apply -f -", newer));
            await OperatorCluster.EventuallyAsync(async () => (await kubectl.Run("apply -f -", Poison)).ExitCode == 0, "the newer schema admits SATELLITE");
            await Succeeds(kubectl.Run($"apply -f {crd}"));
            var probe = Poison.Replace("name: sat,", "name: sat-probe,", StringComparison.Ordinal);
            Assert.NotEqual(0, (await kubectl.Run("apply -f -", probe)).ExitCode);
        }
        else
        {
            cluster.Server.Faults.SkipSchemaValidation = true;
            await Succeeds(kubectl.Run("apply -f -", Poison));
        }
    }

    private static async Task<Condition?> ReadyAsync(Kubectl kubectl, string plural, string name)
    {
        var result = await kubectl.Run($"get {plural}.cpaasx.io {name} -n {Namespace} -o json");
        var conditions = result.ExitCode == 0 ? JsonNode.Parse(result.Stdout)?["status"]?["conditions"] as JsonArray : null;
        var ready = conditions?.FirstOrDefault(condition => condition?["type"]?.GetValue<string>() == ConditionTypes.Ready);
        return ready is null ? null : new Condition
        {
            Type = ConditionTypes.Ready,
            Status = ready["status"]!.GetValue<string>(),
            Reason = ready["reason"]!.GetValue<string>(),
            Message = ready["message"]!.GetValue<string>(),
        };
    }

    private static async Task Succeeds(Task<KubectlResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, $"kubectl failed: {result.Stderr}");
    }
}

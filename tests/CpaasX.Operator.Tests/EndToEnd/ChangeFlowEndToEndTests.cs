using System.Text.Json;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;

using k8s;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>Changes made with kubectl to the inbound samples (namespace helpdesk) once they are routed: routing and status follow.</summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.EndToEnd)]
[Collection(EndToEndTraits.Collection)]
public sealed class ChangeFlowEndToEndTests : IAsyncLifetime
{
    private const string Namespace = "helpdesk";
    private const string SupportLine = "+13125550121";
    private static readonly InboundRequest Call = new(SupportLine, Channel.Voice);

    private EndToEndCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EndToEndCluster.StartAsync();
        await _cluster.ApplySamplesAsync("inbound");
        await _cluster.WaitAllReadyAsync(Namespace);
        await _cluster.WaitUntilPublishedAsync(Namespace, EndToEndCluster.CompiledHash("inbound"));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Editing_an_association_moves_its_routing()
    {
        await _cluster.ApplyAsync(VoiceAssociation("support-line-voice", "support-line", "billing"));

        await _cluster.EventuallyRoutedAsync(
            Namespace, resolver => resolver.ResolveInbound(Call).Route?.ApplicationId == "billing", "calls to the support line reach billing");
    }

    [Fact]
    public async Task Deleting_an_association_drops_its_route_and_keeps_the_resource()
    {
        await _cluster.Kubectl.Ok($"delete resourceassociation support-line-voice -n {Namespace}");

        await _cluster.EventuallyRoutedAsync(
            Namespace, resolver => resolver.ResolveInbound(Call).Error == UnroutedReason.VoiceRequiresAssociation, "calls to the support line are unrouted");
        Assert.Equal(ConditionStatuses.True, (await _cluster.ReadyConditionAsync(Namespace, "resource/support-line"))?.Status);
        Assert.Equal(
            SupportLine,
            (await _cluster.ResolverAsync(Namespace)).ResolveOutbound(new OutboundRequest("support-bot", null, Channel.Sms, "+13125550199")).Sender?.Value);
    }

    [Fact]
    public async Task Deleting_an_Application_in_use_waits_for_its_referrers_then_completes()
    {
        await _cluster.Kubectl.Ok($"delete application billing -n {Namespace} --wait=false");

        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.ReadyConditionAsync(Namespace, "application/billing"))?.Reason == ConditionReasons.InUse,
            "the deleting Application is held InUse");
        var held = (await _cluster.ReadyConditionAsync(Namespace, "application/billing"))!;
        Assert.Equal(ConditionStatuses.False, held.Status);
        Assert.Contains("support-mail-billing", held.Message);
        Assert.Contains("support-line-billing", held.Message);
        var deletionTimestamp = await _cluster.Kubectl.Ok($"get application billing -n {Namespace} -o jsonpath={{.metadata.deletionTimestamp}}");
        Assert.NotEmpty(deletionTimestamp.Stdout);

        await _cluster.Kubectl.Ok($"delete resourceassociation support-mail-billing -n {Namespace}");
        await _cluster.Kubectl.Ok($"delete inboundconfiguration support-line-billing -n {Namespace}");

        await _cluster.Kubectl.Ok($"wait --for=delete application/billing -n {Namespace} {EndToEndCluster.Timeout}");
    }

    [Fact]
    public async Task The_same_number_in_another_namespace_is_the_later_Duplicate()
    {
        var other = $"helpdesk-copy-{Guid.NewGuid().ToString("N")[..6]}";
        await _cluster.CreateScratchNamespaceAsync(other);
        await _cluster.ApplyAsync($$"""
            apiVersion: cpaasx.io/v1alpha1
            kind: Resource
            metadata: {name: copied-line, namespace: {{other}}}
            spec:
              type: NUMBER
              number: {number: "{{SupportLine}}", numberType: VIRTUAL_LONG_NUMBER, country: US, capabilities: [SMS]}
            """);

        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.ReadyConditionAsync(other, "resource/copied-line"))?.Reason == ConditionReasons.Duplicate,
            "the later declaration of the number is a Duplicate");
        Assert.Equal(ConditionStatuses.False, (await _cluster.ReadyConditionAsync(other, "resource/copied-line"))!.Status);
        Assert.Equal(ConditionStatuses.True, (await _cluster.ReadyConditionAsync(Namespace, "resource/support-line"))?.Status);
    }

    [Fact]
    public async Task A_Duplicate_across_namespaces_is_routed_once_the_winners_namespace_is_deleted()
    {
        const string number = "+13125550177";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (winner, later) = ($"first-buyer-{suffix}", $"second-buyer-{suffix}");
        await _cluster.CreateScratchNamespaceAsync(winner);
        await _cluster.CreateScratchNamespaceAsync(later);
        await _cluster.ApplyAsync(NumberResource(winner, number));
        await _cluster.Kubectl.Ok($"wait resource/line -n {winner} --for=condition=Ready {EndToEndCluster.Timeout}");
        await _cluster.ApplyAsync($$"""
            {{NumberResource(later, number)}}
            ---
            apiVersion: cpaasx.io/v1alpha1
            kind: Application
            metadata: {name: notifier, namespace: {{later}}}
            spec: {applicationName: Notifier}
            ---
            apiVersion: cpaasx.io/v1alpha1
            kind: ResourceAssociation
            metadata: {name: line-sms, namespace: {{later}}}
            spec:
              resourceRef: {name: line}
              channel: SMS
              applicationRef: {name: notifier}
            """);
        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.ReadyConditionAsync(later, "resource/line"))?.Reason == ConditionReasons.Duplicate,
            "the later declaration of the number is a Duplicate");

        await _cluster.Kubectl.Ok($"delete namespace {winner} --wait=false");

        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.ReadyConditionAsync(later, "resource/line"))?.Status == ConditionStatuses.True,
            "the remaining declaration is Ready");
        await _cluster.EventuallyRoutedAsync(
            later,
            resolver => resolver.ResolveOutbound(new OutboundRequest("notifier", null, Channel.Sms, "+13125550199")).Sender?.Value == number,
            "the remaining namespace sends from the number");
    }

    [Fact]
    public async Task An_object_wrong_by_domain_is_not_Ready_with_its_reason_while_the_rest_still_routes()
    {
        // Valid by schema (the API server admits it) but the short code has no VOICE capability.
        await _cluster.ApplyAsync(VoiceAssociation("promo-shortcode-voice", "promo-shortcode", "marketing"));
        try
        {
            await OperatorCluster.EventuallyAsync(
                async () => (await _cluster.ReadyConditionAsync(Namespace, "resourceassociation/promo-shortcode-voice"))?.Reason == ConditionReasons.Incompatible,
                "the association is Incompatible");

            var resolver = await _cluster.ResolverAsync(Namespace);
            Assert.Equal(UnroutedReason.VoiceRequiresAssociation, resolver.ResolveInbound(new InboundRequest("55123", Channel.Voice)).Error);
            Assert.Equal("support-bot", resolver.ResolveInbound(Call).Route?.ApplicationId);
            await _cluster.Kubectl.Ok($"wait application,entity,inboundconfiguration --all -n {Namespace} --for=condition=Ready {EndToEndCluster.Timeout}");
        }
        finally
        {
            await _cluster.Kubectl.Run($"delete resourceassociation promo-shortcode-voice -n {Namespace} --ignore-not-found");
        }
    }

    [Fact]
    public async Task A_routing_ConfigMap_edited_by_hand_is_restored()
    {
        var published = (await _cluster.RoutingConfigMapAsync(Namespace))!;
        var edited = (await _cluster.RoutingConfigMapAsync(Namespace))!;
        edited.Data[RoutingPayload.JsonKey] = "{}";
        await _cluster.Kubectl.Ok("replace -f -", KubernetesJson.Serialize(edited));

        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.RoutingConfigMapAsync(Namespace))!.Data[RoutingPayload.JsonKey] == published.Data[RoutingPayload.JsonKey],
            "the hand edit is undone");
    }

    [Fact]
    public async Task A_routing_ConfigMap_deleted_by_hand_is_restored()
    {
        var published = (await _cluster.RoutingConfigMapAsync(Namespace))!;
        await _cluster.Kubectl.Ok($"delete configmap {published.Metadata.Name} -n {Namespace}");

        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.RoutingConfigMapAsync(Namespace))?.Data[RoutingPayload.JsonKey] == published.Data[RoutingPayload.JsonKey],
            "the routing ConfigMap is back");
    }

    private static string NumberResource(string @namespace, string number) => $$"""
        apiVersion: cpaasx.io/v1alpha1
        kind: Resource
        metadata: {name: line, namespace: {{@namespace}}}
        spec:
          type: NUMBER
          number: {number: "{{number}}", numberType: VIRTUAL_LONG_NUMBER, country: US, capabilities: [SMS]}
        """;

    private static string VoiceAssociation(string name, string resource, string application) => $$"""
        apiVersion: cpaasx.io/v1alpha1
        kind: ResourceAssociation
        metadata: {name: {{name}}, namespace: {{Namespace}}}
        spec:
          resourceRef: {name: {{resource}}}
          channel: VOICE
          applicationRef: {name: {{application}}}
        """;
}

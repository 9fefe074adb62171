using CpaasX.Operator.Api;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;

using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Install;

/// <summary>Renders config/default with kubectl and checks what a platform team would install.</summary>
public sealed class DefaultInstallTests
{
    private static readonly Lazy<Task<IReadOnlyList<ManifestObject>>> Rendered = new(() => Manifests.RenderAsync(InstallManifest.DefaultKustomization));

    private static async Task<ManifestObject> SingleAsync(string kind) => (await Rendered.Value).Single(o => o.Kind == kind);

    private static async Task<YamlMappingNode> OperatorContainerAsync()
    {
        var deployment = await SingleAsync("Deployment");
        return deployment.Sequence("spec", "template", "spec", "containers").OfType<YamlMappingNode>()
            .Single(container => ManifestPath.Scalar(container, "name") == InstallManifest.ContainerName);
    }

    [Fact]
    public async Task Every_object_parses_with_kind_name_and_api_version()
    {
        var objects = await Rendered.Value;

        Assert.All(objects, o => Assert.False(string.IsNullOrEmpty(o.ApiVersion + o.Kind + o.Name)));
        Assert.Equal(objects.Count, objects.Select(o => $"{o.Kind}/{o.Namespace}/{o.Name}").Distinct().Count());
        foreach (var kind in new[] { "Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "Service", "PodDisruptionBudget" })
        {
            Assert.Contains(objects, o => o.Kind == kind);
        }
    }

    [Fact]
    public async Task Installs_the_crds_of_config_crds()
    {
        var crds = await Manifests.RenderAsync("config/crds");
        var objects = await Rendered.Value;

        Assert.NotEmpty(crds);
        Assert.All(crds, crd => Assert.Contains(objects, o => o.Kind == crd.Kind && o.Name == crd.Name));
    }

    [Fact]
    public async Task Namespaced_objects_live_in_the_operator_namespace()
    {
        var objects = await Rendered.Value;
        string[] clusterScoped = ["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"];

        Assert.Equal(InstallManifest.OperatorNamespace, (await SingleAsync("Namespace")).Name);
        Assert.All(objects.Where(o => !clusterScoped.Contains(o.Kind)), o => Assert.Equal(InstallManifest.OperatorNamespace, o.Namespace));
        Assert.All(objects.Where(o => clusterScoped.Contains(o.Kind)), o => Assert.Null(o.Namespace));
    }

    [Fact]
    public async Task Deployment_runs_two_replicas_with_leader_election_as_the_service_account()
    {
        var deployment = await SingleAsync("Deployment");
        var container = await OperatorContainerAsync();

        Assert.Equal(InstallManifest.DeploymentName, deployment.Name);
        Assert.Equal("2", deployment.Scalar("spec", "replicas"));
        Assert.Equal(InstallManifest.ServiceAccountName, deployment.Scalar("spec", "template", "spec", "serviceAccountName"));
        Assert.Equal("true", ManifestPath.Scalar(EnvironmentVariable(container, "CPAASX_LEADER_ELECT"), "value"));
        Assert.Equal("metadata.namespace", ManifestPath.Scalar(EnvironmentVariable(container, "POD_NAMESPACE"), "valueFrom", "fieldRef", "fieldPath"));
    }

    [Fact]
    public async Task Pod_and_container_follow_the_restricted_security_profile()
    {
        var pod = (await SingleAsync("Deployment")).Mapping("spec", "template", "spec")!;
        var container = await OperatorContainerAsync();

        Assert.Equal("true", ManifestPath.Scalar(pod, "securityContext", "runAsNonRoot"));
        Assert.Equal(InstallManifest.NonRootUid.ToString(), ManifestPath.Scalar(pod, "securityContext", "runAsUser"));
        Assert.Equal("RuntimeDefault", ManifestPath.Scalar(pod, "securityContext", "seccompProfile", "type"));
        Assert.Equal("true", ManifestPath.Scalar(container, "securityContext", "runAsNonRoot"));
        Assert.Equal(InstallManifest.NonRootUid.ToString(), ManifestPath.Scalar(container, "securityContext", "runAsUser"));
        Assert.Equal("false", ManifestPath.Scalar(container, "securityContext", "allowPrivilegeEscalation"));
        Assert.Equal("true", ManifestPath.Scalar(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal(["ALL"], ManifestPath.Strings(container, "securityContext", "capabilities", "drop"));
        Assert.Empty(ManifestPath.Strings(container, "securityContext", "capabilities", "add"));
        Assert.Equal("RuntimeDefault", ManifestPath.Scalar(container, "securityContext", "seccompProfile", "type"));
    }

    [Fact]
    public async Task Tmp_is_a_writable_empty_dir_because_the_root_filesystem_is_read_only()
    {
        var pod = (await SingleAsync("Deployment")).Mapping("spec", "template", "spec")!;
        var container = await OperatorContainerAsync();

        var mount = Items(container, "volumeMounts").Single(m => ManifestPath.Scalar(m, "mountPath") == "/tmp");
        Assert.NotEqual("true", ManifestPath.Scalar(mount, "readOnly"));
        var volume = Items(pod, "volumes").Single(v => ManifestPath.Scalar(v, "name") == ManifestPath.Scalar(mount, "name"));
        Assert.NotNull(ManifestPath.Find(volume, "emptyDir"));
    }

    [Fact]
    public async Task Probes_resources_and_anti_affinity_are_set()
    {
        var deployment = await SingleAsync("Deployment");
        var pod = deployment.Mapping("spec", "template", "spec")!;
        var container = await OperatorContainerAsync();

        Assert.Equal("/healthz", ManifestPath.Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", ManifestPath.Scalar(container, "readinessProbe", "httpGet", "path"));
        foreach (var bound in new[] { "requests", "limits" })
        {
            Assert.NotNull(ManifestPath.Scalar(container, "resources", bound, "cpu"));
            Assert.NotNull(ManifestPath.Scalar(container, "resources", bound, "memory"));
        }

        var terms = ManifestPath.Find(pod, "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution") as YamlSequenceNode;
        Assert.NotNull(terms);
        var term = Assert.Single(terms.Children);
        Assert.Equal("kubernetes.io/hostname", ManifestPath.Scalar(term, "podAffinityTerm", "topologyKey"));
        var spreadSelector = (YamlMappingNode)ManifestPath.Find(term, "podAffinityTerm", "labelSelector", "matchLabels")!;
        Assert.True(Selects(spreadSelector, deployment.Mapping("spec", "template", "metadata", "labels")!));
    }

    [Fact]
    public async Task Service_and_disruption_budget_select_the_operator_pods()
    {
        var deployment = await SingleAsync("Deployment");
        var podLabels = deployment.Mapping("spec", "template", "metadata", "labels")!;
        var service = await SingleAsync("Service");
        var budget = await SingleAsync("PodDisruptionBudget");

        Assert.True(Selects(service.Mapping("spec", "selector")!, podLabels));
        Assert.True(Selects(budget.Mapping("spec", "selector", "matchLabels")!, podLabels));
        Assert.Equal("1", budget.Scalar("spec", "minAvailable"));
        var port = Assert.Single(service.Sequence("spec", "ports"));
        Assert.Equal("metrics", ManifestPath.Scalar(port, "targetPort"));
        Assert.Contains(Items(await OperatorContainerAsync(), "ports"), p => ManifestPath.Scalar(p, "name") == "metrics");
    }

    [Fact]
    public async Task Image_is_set_once_by_kustomize_images()
    {
        var container = await OperatorContainerAsync();
        var kustomization = Manifests.ReadFile(RepositoryRoot.Combine($"{InstallManifest.DefaultKustomization}/kustomization.yaml")).Single();
        var image = Assert.Single(kustomization.Sequence("images"));

        Assert.Equal($"{ManifestPath.Scalar(image, "newName")}:{ManifestPath.Scalar(image, "newTag")}", ManifestPath.Scalar(container, "image"));
    }

    [Fact]
    public async Task Service_account_gets_exactly_the_operator_rules()
    {
        var policy = InstallManifest.OperatorPolicy(await Rendered.Value);

        Assert.DoesNotContain(policy.Grants, grant => grant.ApiGroup == "*" || grant.Resource.Contains('*') || grant.Verb == "*");
        foreach (var plural in InstallManifest.CustomResourcePlurals)
        {
            foreach (var verb in new[] { "list", "watch" })
            {
                Assert.True(policy.Allows(new RbacRequest("cpaasx.io", plural, verb, null)), $"{verb} {plural}");
            }

            Assert.True(policy.Allows(new RbacRequest("cpaasx.io", $"{plural}/status", "update", "shop")));
            Assert.False(policy.Allows(new RbacRequest("cpaasx.io", plural, "delete", "shop")), $"delete {plural}");
            Assert.False(policy.Allows(new RbacRequest("cpaasx.io", plural, "create", "shop")), $"create {plural}");
        }

        Assert.True(policy.Allows(new RbacRequest("cpaasx.io", "applications", "patch", "shop")));
        Assert.True(policy.Allows(new RbacRequest("cpaasx.io", "resourceassociations", "patch", "shop")));
        Assert.False(policy.Allows(new RbacRequest("cpaasx.io", "inboundconfigurations", "patch", "shop")));
        Assert.True(policy.Allows(new RbacRequest("", "configmaps", "update", "shop", StoredSyncRecord.ConfigMapName)));
        Assert.False(policy.Allows(new RbacRequest("", "configmaps", "delete", "shop", StoredSyncRecord.ConfigMapName)));
        Assert.True(policy.Allows(new RbacRequest("", "configmaps", "delete", "shop", "cpaasx-routing")));
        foreach (var slot in new[] { RoutingShardNames.FirstSlot, RoutingShardNames.SecondSlot })
        {
            Assert.All(Enumerable.Range(0, RoutingPayload.MaxShards), index => Assert.True(policy.Allows(new RbacRequest("", "configmaps", "update", "shop", RoutingShardNames.Name("cpaasx-routing", slot, index)))));
            Assert.False(policy.Allows(new RbacRequest("", "configmaps", "update", "shop", RoutingShardNames.Name("cpaasx-routing", slot, RoutingPayload.MaxShards))));
        }

        Assert.False(policy.Allows(new RbacRequest("", "configmaps", "delete", "kube-system", "coredns")));
        Assert.False(policy.Allows(new RbacRequest("", "configmaps", "update", "kube-system", "coredns")));
        Assert.False(policy.Allows(new RbacRequest("", "configmaps", "patch", "shop", "cpaasx-routing")));
        Assert.True(policy.Allows(new RbacRequest("", "configmaps", "watch", null)));
        Assert.True(policy.Allows(new RbacRequest("", "events", "create", "shop")));
        Assert.False(policy.Allows(new RbacRequest("", "secrets", "get", "shop")));
        Assert.True(policy.Allows(new RbacRequest("", "secrets", "get", "shop", PlatformSyncSettings.SecretName)));
        Assert.False(policy.Allows(new RbacRequest("", "secrets", "get", "shop", "default-token")));
        Assert.False(policy.Allows(new RbacRequest("", "secrets", "list", "shop")));
        Assert.False(policy.Allows(new RbacRequest("", "secrets", "watch", null)));
        Assert.True(policy.Allows(new RbacRequest("", "namespaces", "get", null, "shop")));
        Assert.False(policy.Allows(new RbacRequest("", "namespaces", "list", null)));
        Assert.True(policy.Allows(new RbacRequest("coordination.k8s.io", "leases", "update", InstallManifest.OperatorNamespace)));
        Assert.False(policy.Allows(new RbacRequest("coordination.k8s.io", "leases", "get", "shop")));
        Assert.False(policy.Allows(new RbacRequest("coordination.k8s.io", "leases", "list", null)));
        Assert.False(policy.Allows(new RbacRequest("coordination.k8s.io", "leases", "delete", InstallManifest.OperatorNamespace)));
        Assert.True(policy.Allows(new RbacRequest("authentication.k8s.io", "tokenreviews", "create", null)));
        Assert.True(policy.Allows(new RbacRequest("authorization.k8s.io", "subjectaccessreviews", "create", null)));
        Assert.False(policy.Allows(new RbacRequest("authorization.k8s.io", "subjectaccessreviews", "list", null)));
    }

    [Fact]
    public async Task Prometheus_overlay_adds_a_service_monitor_for_the_metrics_service_the_alerts_and_the_dashboard()
    {
        var objects = await Manifests.RenderAsync(InstallManifest.PrometheusKustomization);
        var monitor = objects.Single(o => o.Kind == "ServiceMonitor");
        var service = objects.Single(o => o.Kind == "Service");

        Assert.Equal(service.Namespace, monitor.Namespace);
        Assert.True(Selects(monitor.Mapping("spec", "selector", "matchLabels")!, service.Mapping("metadata", "labels")!));
        var endpoint = Assert.Single(monitor.Sequence("spec", "endpoints"));
        Assert.Equal("/metrics", ManifestPath.Scalar(endpoint, "path"));
        Assert.Equal("https", ManifestPath.Scalar(endpoint, "scheme"));
        Assert.Equal("/var/run/secrets/kubernetes.io/serviceaccount/token", ManifestPath.Scalar(endpoint, "bearerTokenFile"));
        Assert.Contains(service.Sequence("spec", "ports"), p => ManifestPath.Scalar(p, "name") == ManifestPath.Scalar(endpoint, "port"));
        Assert.Equal("true", ManifestPath.Scalar(endpoint, "honorLabels"));
        var rule = objects.Single(o => o.Kind == "PrometheusRule");
        Assert.Equal(InstallManifest.OperatorNamespace, rule.Namespace);
        var dashboard = objects.Single(o => o.Kind == "ConfigMap" && o.Name == "cpaasx-operator-dashboard");
        Assert.Equal("1", ManifestPath.Scalar(dashboard.Mapping("metadata", "labels")!, "grafana_dashboard"));
        Assert.Equal((await Rendered.Value).Count + 4, objects.Count);
    }

    [Fact]
    public async Task Metrics_are_served_secured_on_their_own_port_and_probes_on_theirs()
    {
        var container = await OperatorContainerAsync();
        var ports = Items(container, "ports").ToDictionary(port => ManifestPath.Scalar(port, "name")!, port => ManifestPath.Scalar(port, "containerPort"));
        string? Variable(string name) => ManifestPath.Scalar(EnvironmentVariable(container, name), "value");

        Assert.Equal("true", Variable(OperatorOptionsReader.MetricsSecureVariable));
        Assert.Equal($"0.0.0.0:{ports["metrics"]}", Variable(OperatorOptionsReader.MetricsAddressVariable));
        Assert.Equal($"0.0.0.0:{ports["http"]}", Variable(OperatorOptionsReader.HttpAddressVariable));
        Assert.NotEqual(ports["http"], ports["metrics"]);
        Assert.Equal("http", ManifestPath.Scalar(container, "livenessProbe", "httpGet", "port"));
        Assert.Equal("http", ManifestPath.Scalar(container, "readinessProbe", "httpGet", "port"));
        var servicePort = Assert.Single((await SingleAsync("Service")).Sequence("spec", "ports"));
        Assert.Equal("https", ManifestPath.Scalar(servicePort, "name"));
        Assert.Equal(ports["metrics"], ManifestPath.Scalar(servicePort, "port"));
    }

    [Fact]
    public async Task The_metrics_reader_role_grants_get_on_metrics_alone_and_the_prometheus_overlay_binds_it_to_prometheus()
    {
        var reader = (await Rendered.Value).Single(o => o.Kind == "ClusterRole" && o.Name == "cpaasx-metrics-reader");
        var rule = Assert.Single(reader.Sequence("rules"));
        Assert.Equal(["/metrics"], ManifestPath.Strings(rule, "nonResourceURLs"));
        Assert.Equal(["get"], ManifestPath.Strings(rule, "verbs"));
        Assert.Empty(ManifestPath.Strings(rule, "resources"));
        // Unbound in config/default, as kubebuilder leaves it: who scrapes is the cluster's choice.
        Assert.DoesNotContain(await Rendered.Value, o => o.Kind.EndsWith("Binding", StringComparison.Ordinal) && o.Scalar("roleRef", "name") == reader.Name);

        var overlay = await Manifests.RenderAsync(InstallManifest.PrometheusKustomization);
        var binding = Assert.Single(overlay, o => o.Kind == "ClusterRoleBinding" && o.Scalar("roleRef", "name") == reader.Name);
        var subject = Assert.Single(binding.Sequence("subjects"));
        Assert.Equal("ServiceAccount", ManifestPath.Scalar(subject, "kind"));
        Assert.Equal("monitoring", ManifestPath.Scalar(subject, "namespace"));
    }

    [Fact]
    public async Task The_network_policy_example_admits_only_the_monitoring_namespace_to_the_metrics_port()
    {
        var policy = Assert.Single(await Manifests.RenderAsync("config/network-policy"));
        var deployment = await SingleAsync("Deployment");

        Assert.Equal("NetworkPolicy", policy.Kind);
        Assert.Equal(InstallManifest.OperatorNamespace, policy.Namespace);
        Assert.True(Selects(policy.Mapping("spec", "podSelector", "matchLabels")!, deployment.Mapping("spec", "template", "metadata", "labels")!));
        Assert.Equal(["Ingress"], ManifestPath.Strings(policy.Root, "spec", "policyTypes"));
        var rule = Assert.Single(Items(policy.Mapping("spec")!, "ingress"));
        var from = Assert.Single(Items(rule, "from"));
        Assert.Equal("monitoring", ManifestPath.Scalar(from, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        Assert.Null(ManifestPath.Find(from, "podSelector"));
        var port = Assert.Single(Items(rule, "ports"));
        Assert.Equal("metrics", ManifestPath.Scalar(port, "port"));
        Assert.Contains(Items(await OperatorContainerAsync(), "ports"), containerPort => ManifestPath.Scalar(containerPort, "name") == "metrics");
    }

    private static IEnumerable<YamlMappingNode> Items(YamlNode parent, string key) =>
        (ManifestPath.Find(parent, key) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    private static YamlMappingNode EnvironmentVariable(YamlMappingNode container, string name) =>
        Items(container, "env").Single(variable => ManifestPath.Scalar(variable, "name") == name);

    private static bool Selects(YamlMappingNode selector, YamlMappingNode labels) =>
        selector.Children.Count > 0
        && selector.Children.All(pair => labels.Children.TryGetValue(pair.Key, out var value) && value.Equals(pair.Value));
}

using System.Text;

using CpaasX.ApiServer.Tests.Support;

using k8s;

namespace CpaasX.ApiServer.Tests.EndToEnd;

/// <summary>The real kubectl (the one on PATH) drives the server over HTTPS, as a user would.</summary>
public sealed class KubectlTests
{
    private static readonly TimeSpan WatchPatience = TimeSpan.FromSeconds(10);

    private const string WidgetYaml = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: {0}
        spec:
          size: {1}
        """;

    [Fact]
    public async Task As_the_viewer_kubectl_reads_and_a_write_says_the_user_may_not()
    {
        await using var scope = await ServerScope.StartAsync();
        using var kubectl = new Testing.Kubectl(scope.Server);
        await kubectl.Ok("create configmap shared --from-literal=a=b");

        var read = await kubectl.Ok("--context viewer get configmap shared -o jsonpath={.data.a}");
        var write = await kubectl.Run("--context viewer delete configmap shared");
        var unauthenticated = await kubectl.Run("--token not-a-token get configmaps");

        Assert.Equal("b", read.Stdout);
        Assert.NotEqual(0, write.ExitCode);
        Assert.Contains("Error from server (Forbidden): configmaps \"shared\" is forbidden: User \"cpaasx-embedded-viewer\" cannot delete resource \"configmaps\"", write.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, unauthenticated.ExitCode);
        Assert.Contains("Unauthorized", unauthenticated.Stderr, StringComparison.Ordinal);
        await kubectl.Ok("get configmap shared");
    }

    [Fact]
    public async Task Apply_a_CRD_wait_for_Established_then_apply_get_and_reapply_custom_resources()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);

        await kubectl.Ok($"apply -f {TestData.WidgetCrdPath}");
        await kubectl.Ok("wait --for=condition=Established crd/widgets.example.com --timeout=10s");
        await kubectl.Ok("apply -f -", Widget("w1", 3));
        await kubectl.Ok("apply -f -", Widget("w1", 3));
        var writesAfterUnchanged = scope.Server.Requests.Writes("widgets");
        var changed = await kubectl.Ok("apply -f -", Widget("w1", 5));
        var yaml = await kubectl.Ok("get widget w1 -o yaml");
        var table = await kubectl.Ok("get widgets");
        var byCategory = await kubectl.Ok("get cpaasx");
        var byShortName = await kubectl.Ok("get wd w1 -o name");

        Assert.Equal(1, writesAfterUnchanged);
        Assert.Contains("widget.example.com/w1 configured", changed.Stdout);
        Assert.Equal(1, scope.Server.Requests.Count("patch", "widgets"));
        Assert.Contains("size: 5", yaml.Stdout);
        Assert.Contains("generation: 2", yaml.Stdout);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", yaml.Stdout);
        Assert.Matches(@"NAME\s+SIZE\s+READY\s+AGE", table.Stdout);
        Assert.Matches(@"w1\s+5\s+", table.Stdout);
        Assert.Contains("w1", byCategory.Stdout);
        Assert.Equal("widget.example.com/w1", byShortName.Stdout.Trim());
    }

    [Fact]
    public async Task Explain_reads_the_CRD_schema()
    {
        await using var scope = await ServerScope.StartAsync();
        using var kubectl = new Testing.Kubectl(scope.Server);

        var explained = await kubectl.Ok("explain widgets.spec");

        Assert.Contains("color", explained.Stdout);
        Assert.Contains("enum: red, green, blue", explained.Stdout);
    }

    [Fact]
    public async Task Schema_CEL_and_unknown_field_violations_are_rejected_naming_the_field()
    {
        await using var scope = await ServerScope.StartAsync();
        using var kubectl = new Testing.Kubectl(scope.Server);

        var schema = await kubectl.Run("apply -f -", Widget("w1", 3) + "  color: pink\n  label: Not Valid\n");
        var cel = await kubectl.Run("apply -f -", Widget("w1", 8) + "  color: red\n");
        var unknown = await kubectl.Run("apply -f -", Widget("w1", 3) + "  bogus: 1\n");
        var missing = await kubectl.Run("apply -f -", Widget("w1", 3).Replace("  size: 3\n", "  color: red\n", StringComparison.Ordinal));

        Assert.NotEqual(0, schema.ExitCode);
        Assert.Contains("spec.color: Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\"", schema.Stderr);
        Assert.Contains("spec.label: Invalid value: \"Not Valid\": spec.label in body should match '^[a-z0-9-]+$'", schema.Stderr);
        Assert.NotEqual(0, cel.ExitCode);
        Assert.Contains("spec: Invalid value: \"object\": red widgets are at most size 5", cel.Stderr);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown field \"spec.bogus\"", unknown.Stderr);
        Assert.Contains("spec.size: Required value", missing.Stderr);
        Assert.Empty((await scope.List())["items"]!.AsArray());
    }

    [Fact]
    public async Task Wait_for_Ready_succeeds_once_the_status_is_patched_and_not_while_observedGeneration_is_stale()
    {
        await using var scope = await ServerScope.StartAsync();
        using var kubectl = new Testing.Kubectl(scope.Server);
        await kubectl.Ok("apply -f -", Widget("w1", 3));
        await kubectl.Ok("apply -f -", Widget("w1", 4));
        await scope.PatchStatus("w1", """{"status":{"conditions":[{"type":"Ready","status":"True","observedGeneration":1}]}}""");

        var stale = await kubectl.Run("wait --for=condition=Ready widget/w1 --timeout=2s");
        var watchesBefore = scope.Server.Requests.Count("watch", "widgets");
        var waiting = kubectl.Start("wait --for=condition=Ready widget/w1 --timeout=20s");
        await Testing.Eventually.UntilAsync(
            () => Task.FromResult(scope.Server.Requests.Count("watch", "widgets") > watchesBefore), WatchPatience, "kubectl wait watches the widget");
        await scope.PatchStatus("w1", """{"status":{"conditions":[{"type":"Ready","status":"True","observedGeneration":2}]}}""");
        var ready = await waiting;

        Assert.NotEqual(0, stale.ExitCode);
        Assert.Equal(0, ready.ExitCode);
        Assert.Contains("condition met", ready.Stdout);
    }

    [Fact]
    public async Task Delete_of_an_object_with_a_finalizer_waits_until_the_finalizer_is_removed()
    {
        await using var scope = await ServerScope.StartAsync();
        using var kubectl = new Testing.Kubectl(scope.Server);
        await kubectl.Ok("apply -f -", Widget("w1", 3).Replace("  name: w1\n", "  name: w1\n  finalizers: [example.com/cleanup]\n", StringComparison.Ordinal));

        var deleting = kubectl.Start("delete widget w1 --timeout=20s");
        await Testing.Eventually.UntilAsync(
            () => Task.FromResult(scope.Server.Requests.Count("watch", "widgets") >= 1), WatchPatience, "kubectl delete watches the widget");
        var held = await scope.Get("w1");
        await scope.Patch("w1", """{"metadata":{"finalizers":null}}""");
        var deleted = await deleting;

        Assert.NotNull(held["metadata"]!["deletionTimestamp"]);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Contains("deleted", deleted.Stdout);
    }

    [Fact]
    public async Task A_server_side_dry_run_is_refused_and_writes_nothing()
    {
        await using var scope = await ServerScope.StartAsync();
        using var kubectl = new Testing.Kubectl(scope.Server);

        var dryRun = await kubectl.Run("apply --dry-run=server -f -", Widget("w1", 3));

        Assert.NotEqual(0, dryRun.ExitCode);
        Assert.Contains("dryRun is not supported by this server", dryRun.Stderr);
        Assert.Empty((await scope.List())["items"]!.AsArray());
    }

    [Fact]
    public async Task ConfigMap_apply_updates_through_a_strategic_merge_patch()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);
        const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"{0}\"\n  b: \"x\"\n";

        await kubectl.Ok("apply -f -", string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfigMap, 1));
        await kubectl.Ok("apply -f -", string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfigMap, 2).Replace("  b: \"x\"\n", "", StringComparison.Ordinal));
        var stored = await scope.Client.CoreV1.ReadNamespacedConfigMapAsync("cfg", "default");

        Assert.Equal(1, scope.Server.Requests.Count("patch", "configmaps"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2" }, stored.Data);
    }

    [Fact]
    public async Task Generator_commands_create_namespaces_configmaps_and_secrets_from_protobuf_bodies()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);

        await kubectl.Ok("create namespace team");
        await kubectl.Ok("create configmap cfg -n team --from-literal=a=1 --from-literal=b=two");
        await kubectl.Ok("create secret generic creds -n team --from-literal=password=s3cret");

        var configMap = await scope.Client.CoreV1.ReadNamespacedConfigMapAsync("cfg", "team");
        var secret = await scope.Client.CoreV1.ReadNamespacedSecretAsync("creds", "team");
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "two" }, configMap.Data);
        Assert.Equal("s3cret", Encoding.UTF8.GetString(secret.Data["password"]));
        Assert.Equal("Opaque", secret.Type);
    }

    private static string Widget(string name, int size) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, WidgetYaml, name, size) + "\n";
}

using System.Text.RegularExpressions;

using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.EndToEnd;

/// <summary>
/// The operator's own CRDs (config/crds), samples (config/samples) and broken manifests, applied with the real kubectl:
/// the server must admit what the project calls valid, reject what it calls broken at the same field, and evaluate
/// every CEL rule the CRDs declare.
/// </summary>
public sealed partial class ProjectManifestTests
{
    private const string ExpectPrefix = "# expect: ";

    private static readonly string Manifests = Path.Combine(AppContext.BaseDirectory, "ProjectManifests");

    [Fact]
    public async Task The_project_CRDs_install_and_every_sample_applies()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);
        await InstallCrds(kubectl);
        var sampleFolders = Directory.GetDirectories(Path.Combine(Manifests, "samples")).Order(StringComparer.Ordinal).ToList();
        var expected = sampleFolders.SelectMany(folder => Directory.GetFiles(folder, "*.yaml"))
            .Sum(file => CustomResourceDocument().Matches(File.ReadAllText(file)).Count);

        await kubectl.Ok("apply " + string.Join(' ', sampleFolders.Select(folder => $"-f {folder}")));
        var listed = await kubectl.Ok("get cpaasx -A -o name");

        Assert.Equal(3, sampleFolders.Count);
        Assert.True(expected > 0);
        Assert.Equal(expected, listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(scope.Server.UnsupportedRules);
    }

    [Fact]
    public async Task Short_names_explain_and_the_Ready_message_at_wide_output_work_with_the_project_CRDs()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);
        await InstallCrds(kubectl);
        await kubectl.Ok($"apply -R -f {Path.Combine(Manifests, "samples")}");
        await scope.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"conditions":[{"type":"Ready","status":"False","reason":"Pending","message":"waiting for the platform","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""", V1Patch.PatchType.MergePatch),
            "cpaasx.io", "v1alpha1", "helpdesk", "resources", "support-line");

        var byShortNames = await kubectl.Ok("get cxapp,cxent,cxres,cxassoc,cxstrat,cxinbound -A -o name");
        var narrow = await kubectl.Ok("get cxres support-line -n helpdesk");
        var wide = await kubectl.Ok("get cxres support-line -n helpdesk -o wide");
        var explained = await kubectl.Ok("explain cxres.spec.number.number");

        var kinds = byShortNames.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('/')[0]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["application.cpaasx.io", "entity.cpaasx.io", "inboundconfiguration.cpaasx.io", "resource.cpaasx.io", "resourceassociation.cpaasx.io", "senderstrategy.cpaasx.io"], kinds);
        Assert.Matches(@"NAME\s+TYPE\s+VALUE\s+ASSOCIATIONS\s+READY\s+REASON\s+AGE\s", narrow.Stdout);
        Assert.DoesNotContain("waiting for the platform", narrow.Stdout);
        Assert.Matches(@"READY\s+REASON\s+MESSAGE\s+AGE", wide.Stdout);
        Assert.Matches(@"support-line\s+NUMBER\s+.*False\s+Pending\s+waiting for the platform", wide.Stdout);
        Assert.Contains("E.164", explained.Stdout);
    }

    [Fact]
    public async Task Kubectl_finds_associations_resources_and_inbound_configurations_by_their_selectable_fields()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);
        await InstallCrds(kubectl);
        await kubectl.Ok($"apply -R -f {Path.Combine(Manifests, "samples")}");

        var byResourceAndChannel = await kubectl.Ok("get cxassoc -n shop --field-selector spec.resourceRef.name=prod-line-1,spec.channel=SMS -o name");
        var otherChannels = await kubectl.Ok("get cxassoc -n shop --field-selector spec.resourceRef.name==prod-line-1,spec.channel!=SMS -o name");
        var alphas = await kubectl.Ok("get cxres -A --field-selector spec.type=ALPHA -o name");
        var keyword = await kubectl.Ok("get cxinbound -n helpdesk --field-selector spec.keyword=BILLING -o name");
        var notSelectable = await kubectl.Run("get cxassoc -n shop --field-selector spec.resourceRef.kind=Resource");

        Assert.Equal("resourceassociation.cpaasx.io/prod-line-1-sms", byResourceAndChannel.Stdout.Trim());
        Assert.Equal(
            ["resourceassociation.cpaasx.io/prod-line-1-mms", "resourceassociation.cpaasx.io/prod-line-1-voice"],
            otherChannels.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.NotEmpty(alphas.Stdout.Trim());
        Assert.All(alphas.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains("-alpha", line));
        Assert.Single(keyword.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.NotEqual(0, notSelectable.ExitCode);
        Assert.Contains("field label not supported: spec.resourceRef.kind", notSelectable.Stderr);
    }

    [Fact]
    public async Task Every_broken_manifest_is_rejected_naming_its_field()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);
        await InstallCrds(kubectl);
        await kubectl.Ok("create namespace broken");
        var folder = Path.Combine(Manifests, "broken");
        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();

        var applied = await kubectl.Run($"apply -f {folder}");
        var created = await kubectl.Ok("get cpaasx -n broken -o name");

        Assert.NotEmpty(files);
        Assert.NotEqual(0, applied.ExitCode);
        var errors = applied.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(files, file =>
        {
            var expectedField = File.ReadLines(file).First()[ExpectPrefix.Length..].Trim();
            var error = Assert.Single(errors, line => line.Contains($"\"{file}\"", StringComparison.Ordinal));
            Assert.Contains(" is invalid: ", error);
            Assert.Matches($@"(invalid: |\[|, ){Regex.Escape(expectedField)}: ", error);
        });
        Assert.Empty(created.Stdout.Trim());
        Assert.Empty(scope.Server.UnsupportedRules);
    }

    private static async Task InstallCrds(Testing.Kubectl kubectl)
    {
        await kubectl.Ok($"apply -k {Path.Combine(Manifests, "crds")}");
        await kubectl.Ok("wait --for=condition=Established crd --all --timeout=10s");
    }

    [GeneratedRegex(@"^apiVersion: cpaasx\.io/", RegexOptions.Multiline)]
    private static partial Regex CustomResourceDocument();
}

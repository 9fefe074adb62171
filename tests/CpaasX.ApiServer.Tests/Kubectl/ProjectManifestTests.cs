using System.Text.RegularExpressions;

using CpaasX.ApiServer.Tests.Support;

namespace CpaasX.ApiServer.Tests.Kubectl;

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
        using var kubectl = new Support.Kubectl(scope.Server);
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
    public async Task Every_broken_manifest_is_rejected_naming_its_field()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Support.Kubectl(scope.Server);
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

    private static async Task InstallCrds(Support.Kubectl kubectl)
    {
        await kubectl.Ok($"apply -k {Path.Combine(Manifests, "crds")}");
        await kubectl.Ok("wait --for=condition=Established crd --all --timeout=10s");
    }

    [GeneratedRegex(@"^apiVersion: cpaasx\.io/", RegexOptions.Multiline)]
    private static partial Regex CustomResourceDocument();
}

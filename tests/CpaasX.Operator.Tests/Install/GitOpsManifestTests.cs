using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Install;

/// <summary>
/// The Flux and Argo CD examples under config/gitops: every file parses, every path they install from exists in this
/// repository, their references resolve, and the operator is installed before the samples.
/// </summary>
public sealed class GitOpsManifestTests
{
    private const string GitOpsFolder = "config/gitops";
    private const string KustomizeConfigFile = "kustomization.yaml";
    private const string FluxKustomizationApiGroup = "kustomize.toolkit.fluxcd.io/";
    private const string FluxSourceApiGroup = "source.toolkit.fluxcd.io/";
    private const string ArgoApplicationApiVersion = "argoproj.io/v1alpha1";
    private const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

    private static readonly Lazy<IReadOnlyList<ManifestObject>> Objects = new(() => ManifestFiles()
        .Where(file => Path.GetFileName(file) != KustomizeConfigFile)
        .SelectMany(Manifests.ReadFile)
        .ToList());

    private static IEnumerable<string> ManifestFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine(GitOpsFolder), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static IEnumerable<ManifestObject> FluxKustomizations =>
        Objects.Value.Where(o => o.Kind == "Kustomization" && o.ApiVersion.StartsWith(FluxKustomizationApiGroup, StringComparison.Ordinal));

    private static IEnumerable<ManifestObject> ArgoApplications =>
        Objects.Value.Where(o => o.Kind == "Application" && o.ApiVersion == ArgoApplicationApiVersion);

    [Fact]
    public void Every_manifest_parses_as_objects_with_api_version_kind_and_name()
    {
        Assert.NotEmpty(Objects.Value);
        Assert.All(Objects.Value, o => Assert.False(string.IsNullOrEmpty(o.ApiVersion) || string.IsNullOrEmpty(o.Kind) || string.IsNullOrEmpty(o.Name)));
        Assert.NotEmpty(FluxKustomizations);
        Assert.NotEmpty(ArgoApplications);
    }

    [Fact]
    public async Task Every_kustomize_config_renders_exactly_the_objects_of_the_files_it_lists()
    {
        var configs = ManifestFiles().Where(file => Path.GetFileName(file) == KustomizeConfigFile).ToList();

        Assert.NotEmpty(configs);
        foreach (var config in configs)
        {
            var folder = Path.GetDirectoryName(config)!;
            var listed = ManifestPath.Strings(Manifests.ReadFile(config).Single().Root, "resources")
                .SelectMany(resource => Manifests.ReadFile(Path.Combine(folder, resource)));
            var rendered = await Manifests.RenderAsync(Path.GetRelativePath(RepositoryRoot.Path, folder));

            Assert.Equal(listed.Select(o => o.ToString()).Order(), rendered.Select(o => o.ToString()).Order());
        }
    }

    [Fact]
    public void Every_flux_kustomization_and_argo_application_installs_from_a_folder_of_this_repository()
    {
        var paths = FluxKustomizations.Select(k => (Object: k, Path: k.Scalar("spec", "path")))
            .Concat(ArgoApplications.Select(a => (Object: a, Path: a.Scalar("spec", "source", "path"))))
            .ToList();

        Assert.All(paths, entry =>
        {
            Assert.False(string.IsNullOrEmpty(entry.Path), $"{entry.Object} names no path");
            var folder = RepositoryRoot.Combine(entry.Path!.TrimStart('.', '/'));
            Assert.True(Directory.Exists(folder), $"{entry.Object}: {entry.Path} is no folder of the repository");
            Assert.True(
                Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Any(),
                $"{entry.Object}: {entry.Path} holds no manifests");
        });
    }

    [Fact]
    public void Flux_source_references_and_dependencies_name_objects_of_the_example()
    {
        var repositories = Objects.Value
            .Where(o => o.Kind == "GitRepository" && o.ApiVersion.StartsWith(FluxSourceApiGroup, StringComparison.Ordinal))
            .Select(o => (string?)o.Name)
            .ToHashSet();
        var kustomizations = FluxKustomizations.Select(k => (string?)k.Name).ToHashSet();

        Assert.All(FluxKustomizations, k =>
        {
            Assert.Equal("GitRepository", k.Scalar("spec", "sourceRef", "kind"));
            Assert.Contains(k.Scalar("spec", "sourceRef", "name"), repositories);
            Assert.All(k.Sequence("spec", "dependsOn"), dependency => Assert.Contains(ManifestPath.Scalar(dependency, "name"), kustomizations));
        });
    }

    [Fact]
    public void Flux_applies_the_samples_only_after_the_operator_kustomization_is_ready_and_waits_for_them()
    {
        var operatorInstall = FluxKustomizations.Single(k => k.Scalar("spec", "path") == "./" + InstallManifest.DefaultKustomization);
        var samples = FluxKustomizations.Single(k => k.Scalar("spec", "path") == "./config/samples");

        Assert.Contains(operatorInstall.Name, samples.Sequence("spec", "dependsOn").Select(d => ManifestPath.Scalar(d, "name")));
        Assert.Equal("true", samples.Scalar("spec", "wait"));
        Assert.Contains(
            operatorInstall.Sequence("spec", "healthChecks"),
            check => ManifestPath.Scalar(check, "kind") == "Deployment" && ManifestPath.Scalar(check, "name") == InstallManifest.DeploymentName);
    }

    [Fact]
    public void Argo_cd_syncs_the_samples_in_a_later_wave_than_the_operator()
    {
        int WaveOf(string path) => int.Parse(
            ArgoApplications.Single(a => a.Scalar("spec", "source", "path") == path).Scalar("metadata", "annotations", SyncWaveAnnotation) ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(WaveOf("config/samples") > WaveOf(InstallManifest.DefaultKustomization));
    }

    [Fact]
    public void Every_example_reads_the_same_repository_url()
    {
        var urls = Objects.Value.Where(o => o.Kind == "GitRepository").Select(o => o.Scalar("spec", "url"))
            .Concat(ArgoApplications.Select(a => a.Scalar("spec", "source", "repoURL")))
            .ToList();

        Assert.NotEmpty(urls);
        Assert.Single(urls.Distinct());
        Assert.StartsWith("https://", urls[0], StringComparison.Ordinal);
    }
}

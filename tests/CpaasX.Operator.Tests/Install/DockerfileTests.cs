using System.Text.Json;
using System.Xml.Linq;

using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Install;

/// <summary>No container engine here: check what can be checked without building the image.</summary>
public sealed class DockerfileTests
{
    private const string OperatorProject = "src/CpaasX.Operator/CpaasX.Operator.csproj";

    private static readonly Dockerfile Image = Dockerfile.Read(RepositoryRoot.Combine("Dockerfile"));

    [Fact]
    public void Every_copied_path_exists_and_is_not_docker_ignored()
    {
        var ignoredFolders = File.ReadAllLines(RepositoryRoot.Combine(".dockerignore"))
            .Where(line => line.EndsWith('/') && !line.Contains('*') && !line.StartsWith('#'))
            .ToList();
        var copies = Image.ContextCopies();

        Assert.NotEmpty(copies);
        Assert.All(copies, copy =>
        {
            var path = RepositoryRoot.Combine(copy.Source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {copy.Source}: no such path");
            Assert.DoesNotContain(ignoredFolders, folder => copy.Source.StartsWith(folder, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Restore_layer_copies_every_project_file_the_operator_needs()
    {
        var restore = Image.IndexOfFirst("RUN", "dotnet restore");
        var copiedBeforeRestore = Image.ContextCopies().Where(copy => copy.Index < restore).Select(copy => copy.Source).ToHashSet();

        Assert.True(restore > 0);
        Assert.All(ProjectClosure(OperatorProject), project => Assert.Contains(project, copiedBeforeRestore));
        Assert.Contains("Directory.Packages.props", copiedBeforeRestore);
        Assert.Contains("Directory.Build.props", copiedBeforeRestore);
    }

    [Fact]
    public async Task Runs_as_the_deployment_uid_and_starts_the_run_command()
    {
        var entrypoint = JsonSerializer.Deserialize<string[]>(Image.Last("ENTRYPOINT"))!;
        var deployment = (await Manifests.RenderAsync(InstallManifest.DefaultKustomization)).Single(o => o.Kind == "Deployment");

        Assert.Equal($"{InstallManifest.NonRootUid}:{InstallManifest.NonRootUid}", Image.Last("USER"));
        Assert.Equal(InstallManifest.NonRootUid.ToString(), deployment.Scalar("spec", "template", "spec", "securityContext", "runAsUser"));
        Assert.Equal(["dotnet", "cpaasx-operator.dll", "run"], entrypoint);
    }

    [Fact]
    public async Task Release_publish_of_the_operator_succeeds_and_yields_the_entrypoint_assembly()
    {
        var output = Directory.CreateTempSubdirectory("cpaasx-publish-");
        try
        {
            var result = await ExternalCommand.RunAsync(
                "dotnet", ["publish", OperatorProject, "-c", "Release", "-o", output.FullName, "-p:UseAppHost=false", "-nologo"], RepositoryRoot.Path);

            Assert.True(result.ExitCode == 0, result.Describe());
            var entrypoint = JsonSerializer.Deserialize<string[]>(Image.Last("ENTRYPOINT"))!;
            Assert.True(File.Exists(Path.Combine(output.FullName, entrypoint[1])), $"{entrypoint[1]} is not in the published output");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The project and every project it references, directly or not, relative to the repository root.</summary>
    private static IReadOnlySet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(RepositoryRoot.Combine(current))!;
            foreach (var reference in XDocument.Load(RepositoryRoot.Combine(current)).Descendants("ProjectReference"))
            {
                var referenced = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryRoot.Path, referenced).Replace('\\', '/'));
            }
        }

        return found;
    }
}

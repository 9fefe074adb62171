using CpaasX.Operator.Hosting;
using CpaasX.Operator.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Examples;

/// <summary>The example Deployment runs the sidecar over the routing ConfigMap mounted whole, on loopback.</summary>
public sealed class RoutingSidecarExampleTests
{
    [Fact]
    public void The_sidecar_serves_the_directory_the_routing_ConfigMap_is_mounted_at_on_loopback()
    {
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(RepositoryRoot.Combine("examples", "routing-sidecar-deployment.yaml")));
        var pod = deployment.Spec.Template.Spec;
        var sidecar = pod.Containers.Single(container => container.Command?.Contains("routing-sidecar") == true);
        var command = sidecar.Command.ToList();
        string Option(string name) => command[command.IndexOf(name) + 1];

        var volume = pod.Volumes.Single(candidate => candidate.ConfigMap?.Name == OperatorOptions.DefaultConfigMapName);
        var mount = sidecar.VolumeMounts.Single(candidate => candidate.Name == volume.Name);
        Assert.Equal(mount.MountPath, Option("--dir"));
        Assert.Null(mount.SubPath);
        Assert.True(volume.ConfigMap.Optional);
        Assert.StartsWith("127.0.0.1:", Option("--address"), StringComparison.Ordinal);
        Assert.Equal(["dotnet", "cpaasx-operator.dll", "routing-sidecar"], command.Take(3));
    }
}

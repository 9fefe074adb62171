using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Handlers;

/// <summary>ConfigMaps as the operator writes them: data and binaryData, replaced and watched through KubernetesClient.</summary>
public sealed class ConfigMapTests
{
    [Fact]
    public async Task BinaryData_round_trips_byte_for_byte_and_survives_an_update()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        var bytes = new byte[] { 0, 1, 2, 0xfe, 0xff };
        var configMap = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "routing" },
            Data = new Dictionary<string, string> { ["version"] = "1" },
            BinaryData = new Dictionary<string, byte[]> { ["routes.bin"] = bytes },
        };

        var created = await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(configMap, "default");
        created.Data["version"] = "2";
        var replaced = await scope.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "routing", "default");
        var read = await scope.Client.CoreV1.ReadNamespacedConfigMapAsync("routing", "default");

        Assert.NotEqual(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        Assert.Equal("2", read.Data["version"]);
        Assert.Equal(bytes, read.BinaryData["routes.bin"]);
    }

    [Fact]
    public async Task A_label_selected_watch_sees_the_operators_configmaps_only()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        var configMaps = scope.Client.CoreV1;
        var listVersion = (await configMaps.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await configMaps.CreateNamespacedConfigMapAsync(ConfigMap("unrelated", managed: false), "default");
        await configMaps.CreateNamespacedConfigMapAsync(ConfigMap("routing", managed: true), "default");
        await configMaps.PatchNamespacedConfigMapAsync(new V1Patch("""{"binaryData":{"routes.bin":"AAE="}}""", V1Patch.PatchType.MergePatch), "routing", "default");

        var seen = new List<string>();
        await foreach (var (type, item) in configMaps.WatchListNamespacedConfigMapAsync(
            "default", labelSelector: "app.kubernetes.io/managed-by=cpaasx-operator", resourceVersion: listVersion, timeoutSeconds: 5))
        {
            seen.Add($"{type} {item.Metadata.Name} {item.BinaryData?.Count ?? 0}");
            if (seen.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["Added routing 0", "Modified routing 1"], seen);
    }

    private static V1ConfigMap ConfigMap(string name, bool managed) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = managed ? new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "cpaasx-operator" } : null,
        },
        Data = new Dictionary<string, string> { ["note"] = name },
    };
}

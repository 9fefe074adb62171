using System.Text;

using CpaasX.ApiServer;
using CpaasX.Operator.PlatformSync;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>The namespace's binding to an account, read from the embedded API server as the operator will read it.</summary>
public sealed class PlatformSyncSettingsTests
{
    private const string Key = "s3cr3t-key-value";

    [Fact]
    public async Task Without_the_secret_nothing_is_bound_and_nothing_is_wrong()
    {
        await using var server = await EmbeddedApiServer.StartAsync();
        using var client = server.CreateClient();
        await CreateNamespaceAsync(client, "tenant", new Dictionary<string, string> { [PlatformSyncSettings.ModeAnnotation] = "apply" });

        Assert.Equal((null, null), await PlatformSyncSettings.ReadAsync(client, "tenant", CancellationToken.None));
    }

    [Fact]
    public async Task The_secret_binds_in_plan_mode_by_default_and_the_annotations_choose_apply_and_prune()
    {
        await using var server = await EmbeddedApiServer.StartAsync();
        using var client = server.CreateClient();
        await CreateNamespaceAsync(client, "planned", null);
        await CreateSecretAsync(client, "planned", new() { ["baseUrl"] = "https://xyz.api.example.com", ["apiKey"] = Key });
        await CreateNamespaceAsync(client, "applied", new Dictionary<string, string> { [PlatformSyncSettings.ModeAnnotation] = "apply", [PlatformSyncSettings.PruneAnnotation] = "true" });
        await CreateSecretAsync(client, "applied", new() { ["baseUrl"] = "https://xyz.api.example.com", ["apiKey"] = Key });

        (var planned, _) = await PlatformSyncSettings.ReadAsync(client, "planned", CancellationToken.None);
        (var applied, _) = await PlatformSyncSettings.ReadAsync(client, "applied", CancellationToken.None);

        Assert.Equal((PlatformSyncMode.Plan, false), (planned!.Mode, planned.Prune));
        Assert.Equal((PlatformSyncMode.Apply, true), (applied!.Mode, applied.Prune));
        Assert.Equal(new Uri("https://xyz.api.example.com"), applied.Binding.BaseUrl);
        Assert.DoesNotContain(Key, applied.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://xyz.api.example.com", "", null, "needs the keys")]
    [InlineData("not a url", Key, null, "not an http(s) URL")]
    [InlineData("https://xyz.api.example.com", Key, "always", "not plan or apply")]
    public async Task An_unusable_binding_syncs_nothing_and_says_why_without_quoting_the_key(string baseUrl, string apiKey, string? mode, string problem)
    {
        await using var server = await EmbeddedApiServer.StartAsync();
        using var client = server.CreateClient();
        await CreateNamespaceAsync(client, "tenant", mode is null ? null : new Dictionary<string, string> { [PlatformSyncSettings.ModeAnnotation] = mode });
        await CreateSecretAsync(client, "tenant", new() { ["baseUrl"] = baseUrl, ["apiKey"] = apiKey });

        (var settings, var said) = await PlatformSyncSettings.ReadAsync(client, "tenant", CancellationToken.None);

        Assert.Null(settings);
        Assert.Contains(problem, said, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, said, StringComparison.Ordinal);
    }

    private static Task CreateNamespaceAsync(Kubernetes client, string name, Dictionary<string, string>? annotations) =>
        client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name, Annotations = annotations } });

    private static Task CreateSecretAsync(Kubernetes client, string namespaceName, Dictionary<string, string> data) =>
        client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = PlatformSyncSettings.SecretName },
                Data = data.ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetBytes(pair.Value)),
            },
            namespaceName);
}

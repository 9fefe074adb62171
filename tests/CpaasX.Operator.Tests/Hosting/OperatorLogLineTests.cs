using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

using CpaasX.Operator.Tests.Support;
using CpaasX.Testing;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Hosting;

/// <summary>
/// The log lines of <c>run --log-format json</c> as a collector reads them, from the operator's own process: UTC
/// timestamps that say so, and a reconcile's lines scoped with the controller and the namespace.
/// </summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.EndToEnd)]
public sealed class OperatorLogLineTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("operator-logs-");
    private readonly ConcurrentQueue<string> _lines = new();
    private OperatorCluster _cluster = null!;
    private Process _operator = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        var kubeconfig = Path.Combine(_directory.FullName, "kubeconfig");
        _cluster.Server.WriteKubeconfig(kubeconfig);
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "cpaasx-operator"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--kubeconfig", kubeconfig, "--http-address", "127.0.0.1:0", "--metrics-address", "127.0.0.1:0", "--log-format", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        _operator = Process.Start(start)!;
        _operator.OutputDataReceived += (_, line) => _lines.Enqueue(line.Data ?? "");
        _operator.BeginOutputReadLine();
        _operator.BeginErrorReadLine();
    }

    public async Task DisposeAsync()
    {
        _operator.Kill(entireProcessTree: true);
        await _operator.WaitForExitAsync();
        _operator.Dispose();
        await _cluster.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_reconcile_logs_json_lines_with_a_utc_timestamp_and_its_namespace_in_scope()
    {
        // A ConfigMap of the routing name that is not the operator's: the reconcile of that namespace logs a warning.
        await _cluster.CreateNamespaceAsync("unmanaged");
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cpaasx-routing" } }, "unmanaged");
        using var kubectl = new Kubectl(_cluster.Server);
        await kubectl.Ok("apply -f -", """
            apiVersion: cpaasx.io/v1alpha1
            kind: Application
            metadata: {name: lonely, namespace: unmanaged}
            spec: {applicationName: Lonely}
            """);

        JsonElement? warning = null;
        await Eventually.UntilAsync(
            () => Task.FromResult((warning = _lines.Select(Parse).FirstOrDefault(line => line?.GetProperty("LogLevel").GetString() == "Warning")) is not null),
            OperatorCluster.PatienceLimit,
            "the operator logged the warning of the unmanaged ConfigMap");

        var line = warning!.Value;
        var timestamp = line.GetProperty("Timestamp").GetString()!;
        Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var scope = Assert.Single(line.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("namespace", out _));
        Assert.Equal("unmanaged", scope.GetProperty("namespace").GetString());
        Assert.Equal("namespace", scope.GetProperty("controller").GetString());
    }

    private static JsonElement? Parse(string line)
    {
        try
        {
            return line.StartsWith('{') ? JsonDocument.Parse(line).RootElement : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

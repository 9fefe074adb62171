using CpaasX.Operator.Compilation;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Writing;

using k8s;

using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Benchmarks;

/// <summary>
/// The reference the operator is measured against: a client that makes only the writes strictly needed for a compiled
/// namespace, one status write per object, as many at a time as the operator writes one namespace's objects
/// (<see cref="NamespaceWriter.MaxConcurrentWrites"/>), then the routing ConfigMap.
/// </summary>
internal sealed class BareClient
{
    private readonly CustomObjectWriter _writer;
    private readonly RoutingConfigMapPublisher _publisher;

    public BareClient(Kubernetes client)
    {
        var metrics = new OperatorMetrics();
        _writer = new CustomObjectWriter(new ApiHttp(client), metrics);
        _publisher = new RoutingConfigMapPublisher(client, OperatorOptions.DefaultConfigMapName, metrics, new EventRecorder(client, "bare", TimeProvider.System, NullLogger.Instance), NullLogger.Instance);
    }

    public async Task WriteAsync(CompileResult compiled)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = NamespaceWriter.MaxConcurrentWrites };
        await Parallel.ForEachAsync(compiled.Objects, parallel, async (obj, cancellationToken) => await _writer.WriteStatusAsync(obj, cancellationToken));
        var publication = await _publisher.PrepareAsync(compiled.Namespace, compiled.Table, [], CancellationToken.None);
        await _publisher.PublishAsync(compiled.Namespace, publication, [], CancellationToken.None);
    }
}

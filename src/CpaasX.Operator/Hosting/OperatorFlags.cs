namespace CpaasX.Operator.Hosting;

/// <summary>The <c>run</c> command's flags as given (null when absent), before the environment fills the gaps.</summary>
public sealed record OperatorFlags
{
    public string? Namespaces { get; init; }
    public string? ConfigMapName { get; init; }
    public string? Workers { get; init; }
    public string? SettleDelay { get; init; }
    public string? LeaderElect { get; init; }
    public string? LeaseNamespace { get; init; }
    public string? LeaseName { get; init; }
    public string? HttpAddress { get; init; }
    public string? MetricsAddress { get; init; }
    public string? MetricsSecure { get; init; }
    public string? MetricsCertDir { get; init; }
    public string? LogFormat { get; init; }
    public string? LogLevel { get; init; }
    public string? Kubeconfig { get; init; }
}

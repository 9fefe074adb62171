namespace CpaasX.Operator.Runtime;

/// <summary>Where a custom resource is served: its API group, version and plural name.</summary>
public sealed record CustomResourceName(string Group, string Version, string Plural);

using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Support;

/// <summary>One Kubernetes object of a YAML manifest, with lookups by field path.</summary>
public sealed class ManifestObject(YamlMappingNode root)
{
    public YamlMappingNode Root { get; } = root;

    public string ApiVersion => Scalar("apiVersion") ?? throw new InvalidDataException("An object without apiVersion.");

    public string Kind => Scalar("kind") ?? throw new InvalidDataException("An object without kind.");

    public string Name => Scalar("metadata", "name") ?? throw new InvalidDataException($"A {Kind} without metadata.name.");

    public string? Namespace => Scalar("metadata", "namespace");

    public string? Scalar(params string[] path) => ManifestPath.Scalar(Root, path);

    public YamlMappingNode? Mapping(params string[] path) => ManifestPath.Find(Root, path) as YamlMappingNode;

    public IReadOnlyList<YamlNode> Sequence(params string[] path) =>
        ManifestPath.Find(Root, path) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}

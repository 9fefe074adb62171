using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CpaasX.Operator.Api.Serialization;

/// <summary>
/// What a manifest may cost to read, checked on the parser's event stream before any tree is built: the file's size,
/// the nesting depth (the tree builders recurse), and how much YAML aliases may expand a document (a "billion laughs"
/// file is a few lines whose aliases expand to billions of nodes).
/// </summary>
public static class YamlLimits
{
    /// <summary>A manifest file may have this many bytes (kube-apiserver takes at most 3 MiB per object).</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Mappings and sequences nested deeper than this are refused.</summary>
    public const int MaxDepth = 100;

    /// <summary>Nodes that aliases may add to one document, beyond the nodes written out in it.</summary>
    public const long MaxAliasExpansion = 100_000;

    /// <summary>Throws <see cref="ManifestException"/> naming the file, the line and the limit a file breaks.</summary>
    public static void CheckFileSize(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new ManifestException($"{path}: {length:N0} bytes is over the {MaxFileBytes / 1024 / 1024} MiB a manifest file may have; split it into several files.");
        }
    }

    /// <summary>Throws <see cref="ManifestException"/> naming <paramref name="source"/>, the line and the limit broken.</summary>
    public static void Check(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var expandedSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        long aliasNodes = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    expandedSizes.Clear();
                    aliasNodes = 0;
                    break;
                case Scalar scalar:
                    Closed(AnchorOf(scalar), 1);
                    break;
                case AnchorAlias alias:
                    var size = expandedSizes.GetValueOrDefault(alias.Value.Value, 1);
                    aliasNodes += size;
                    if (aliasNodes > MaxAliasExpansion)
                    {
                        throw new ManifestException($"{source}: line {alias.Start.Line}: YAML aliases expand this document by more than {MaxAliasExpansion:N0} nodes; write the values out instead of repeating aliases.");
                    }

                    Closed(null, size);
                    break;
                case NodeEvent start when start is MappingStart or SequenceStart:
                    if (open.Count == MaxDepth)
                    {
                        throw new ManifestException($"{source}: line {start.Start.Line}: YAML nested deeper than {MaxDepth} levels.");
                    }

                    open.Push((AnchorOf(start), 1));
                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, total) = open.Pop();
                    Closed(anchor, total);
                    break;
            }
        }

        // A finished node counts in its parent, and an anchored one is remembered for the aliases that repeat it.
        void Closed(string? anchor, long size)
        {
            if (anchor is not null)
            {
                expandedSizes[anchor] = size;
            }

            if (open.TryPop(out var parent))
            {
                open.Push((parent.Anchor, parent.Size + size));
            }
        }
    }

    private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;
}

using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Serialization;

namespace CpaasX.Operator.Api.Schema;

/// <summary>The fields of an API type in wire order (base type first, then declaration order), cached.</summary>
public static class TypeShapes
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<FieldShape>> Cache = new();

    public static IReadOnlyList<FieldShape> Of(Type type) => Cache.GetOrAdd(type, static type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(property => Depth(property.DeclaringType!))
            .ThenBy(property => property.MetadataToken)
            .Select(FieldShape.From)]);

    /// <summary>The description of the type itself.</summary>
    public static string DescriptionOf(Type type) =>
        type.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"{type} has no [Description]: every schema node needs one for kubectl explain.");

    /// <summary>Whether values of this type are API objects with fields of their own, rather than scalars.</summary>
    public static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && FieldShape.ListItemType(type) is null;

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }
}

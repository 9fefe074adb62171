using System.Reflection;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.Schema;

/// <summary>
/// The JSON paths of a kind's selectable fields, read from <see cref="SelectableFieldAttribute"/> on its spec type and the
/// spec's nested objects, in declaration order. The API server allows at most <see cref="Max"/> per version.
/// </summary>
public static class SelectableFields
{
    public const int Max = 8;

    public static IReadOnlyList<string> Of(Type specType)
    {
        List<string> paths = [];
        Collect(specType, ".spec", paths);
        if (paths.Count > Max)
        {
            throw new InvalidOperationException($"{specType.Name} marks {paths.Count} selectable fields; the API server allows {Max}.");
        }

        return paths;
    }

    private static void Collect(Type type, string path, List<string> paths)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var fieldPath = path + "." + JsonNames.Of(property);
            if (property.GetCustomAttribute<SelectableFieldAttribute>() is { } selectable)
            {
                paths.Add(selectable.Member is null ? fieldPath : fieldPath + "." + selectable.Member);
            }
            else if (property.PropertyType is { IsClass: true } nested && nested != typeof(string)
                && nested.Namespace == type.Namespace && !nested.IsGenericType)
            {
                Collect(nested, fieldPath, paths);
            }
        }
    }
}

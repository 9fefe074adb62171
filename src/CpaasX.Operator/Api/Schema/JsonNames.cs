using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpaasX.Operator.Api.Schema;

/// <summary>The names fields and enum values have on the wire, the way <see cref="Serialization.CpaasxJson.Options"/> writes them.</summary>
public static class JsonNames
{
    public static string Of(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static string Of(Enum value)
    {
        FieldInfo field = value.GetType().GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentException($"{value} is not a single member of {value.GetType()}.", nameof(value));
        return field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
    }

    /// <summary>Every member of an enum by its wire name, in declaration order.</summary>
    public static IReadOnlyList<string> Members(Type enumType) =>
        [.. Enum.GetValues(enumType).Cast<Enum>().Select(Of)];
}

using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpaasX.Operator.Api.Schema;

/// <summary>The names fields and enum values have on the wire, the way <see cref="Serialization.CpaasxJson.Options"/> writes them.</summary>
public static class JsonNames
{
    public static string Of(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    // Validation asks for every enum value of every object; reading the attribute each time would dominate it.
    private static readonly ConcurrentDictionary<Enum, string> EnumNames = new();

    /// <summary>The member's wire name; a value the enum does not define is its number, as the serializer writes it.</summary>
    public static string Of(Enum value) => EnumNames.GetOrAdd(value, static value =>
        value.GetType().GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static) is FieldInfo field
            ? field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name
            : value.ToString());

    /// <summary>A scalar as the wire text: an enum by its member's wire name, anything else formatted invariantly.</summary>
    public static string OfValue(object? value) =>
        value is Enum member ? Of(member) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>Every member of an enum by its wire name, in declaration order.</summary>
    public static IReadOnlyList<string> Members(Type enumType) =>
        [.. Enum.GetValues(enumType).Cast<Enum>().Select(Of)];
}

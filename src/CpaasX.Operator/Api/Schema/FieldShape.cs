using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.Schema;

/// <summary>
/// One field of an API type as both the CRD generator and the validator see it: wire name, description and every
/// constraint its attributes declare.
/// </summary>
public sealed record FieldShape(
    PropertyInfo Property,
    string JsonName,
    string Description,
    bool Required,
    FieldRule? Rule,
    IReadOnlyList<string>? AllowedValues,
    int? MinItems,
    int? MaxItems,
    ListKindAttribute? ListKind,
    object? Default)
{
    /// <summary>The property's type without Nullable&lt;&gt;.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    /// <summary>The item type when the field is a list, else null.</summary>
    public Type? ItemType => ListItemType(ValueType);

    /// <summary>The constraints that apply to a single value: the field's own, or each item's when it is a list.</summary>
    public Type ScalarType => ItemType is Type item ? Nullable.GetUnderlyingType(item) ?? item : ValueType;

    internal static Type? ListItemType(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? type.GetGenericArguments()[0]
            : null;

    internal static FieldShape From(PropertyInfo property)
    {
        var length = property.GetCustomAttribute<LengthAttribute>();
        return new FieldShape(
            property,
            JsonNames.Of(property),
            property.GetCustomAttribute<DescriptionAttribute>()?.Description
                ?? throw new InvalidOperationException($"{property.DeclaringType}.{property.Name} has no [Description]: every field needs one for kubectl explain."),
            property.GetCustomAttribute<RequiredAttribute>() is not null,
            property.GetCustomAttribute<FieldRuleAttribute>()?.Rule,
            property.GetCustomAttribute<AllowedValuesAttribute>()?.Values
                .Select(JsonNames.OfValue)
                .ToList(),
            length?.MinimumLength,
            length?.MaximumLength,
            property.GetCustomAttribute<ListKindAttribute>(),
            property.GetCustomAttribute<DefaultValueAttribute>()?.Value);
    }
}

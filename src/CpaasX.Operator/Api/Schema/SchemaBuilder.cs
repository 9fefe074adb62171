using System.Globalization;

using CpaasX.Operator.Api.Markers;
using CpaasX.Operator.Api.V1Alpha1;

using k8s.Models;

namespace CpaasX.Operator.Api.Schema;

/// <summary>Builds the structural openAPIV3Schema of a kind from its C# types, their attributes and the object rules.</summary>
public static class SchemaBuilder
{
    public static V1JSONSchemaProps ForKind(CustomResourceKind kind) => new()
    {
        Type = "object",
        Description = kind.Description,
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["apiVersion"] = new()
            {
                Type = "string",
                Description = "The versioned schema of this representation of an object: " + CustomResourceKinds.ApiVersion + ".",
            },
            ["kind"] = new() { Type = "string", Description = "The REST resource this object represents: " + kind.Kind + "." },
            // The API server forbids anything but a type on the root metadata (even a description).
            ["metadata"] = new() { Type = "object" },
            ["spec"] = ForObject(kind.SpecType, TypeShapes.DescriptionOf(kind.SpecType)),
            ["status"] = ForObject(kind.StatusType, TypeShapes.DescriptionOf(kind.StatusType)),
        },
        Required = kind.SpecRequired ? ["spec"] : null,
    };

    private static V1JSONSchemaProps ForObject(Type type, string description)
    {
        var fields = TypeShapes.Of(type);
        List<string> required = [.. fields.Where(field => field.Required).Select(field => field.JsonName)];
        List<V1ValidationRule> rules = [.. ObjectRules.For(type).Select(rule => new V1ValidationRule { Rule = rule.Rule, FieldPath = rule.FieldPath, Message = rule.Message })];
        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = description,
            Properties = fields.ToDictionary(field => field.JsonName, ForField),
            Required = required.Count > 0 ? required : null,
            XKubernetesValidations = rules.Count > 0 ? rules : null,
        };
    }

    private static V1JSONSchemaProps ForField(FieldShape field)
    {
        var description = string.Join(" ", new[] { field.Description, field.Rule?.Description, ItemCountText(field) }.OfType<string>());
        if (field.ItemType is null)
        {
            return ForValue(field, field.ValueType, description);
        }

        var itemDescription = TypeShapes.IsObject(field.ScalarType)
            ? TypeShapes.DescriptionOf(field.ScalarType)
            : field.Rule?.Description ?? $"One item of {field.JsonName}.";
        var items = ForValue(field, field.ScalarType, itemDescription);
        return new V1JSONSchemaProps
        {
            Type = "array",
            Description = description,
            Items = items,
            MinItems = field.MinItems > 0 ? field.MinItems : null,
            MaxItems = field.MaxItems,
            XKubernetesListType = field.ListKind?.ListType ?? "atomic",
            XKubernetesListMapKeys = field.ListKind?.MapKeys.Count > 0 ? [.. field.ListKind.MapKeys] : null,
        };
    }

    // The schema of one value: the field itself, or one item of a list field (rules and allowed values apply per item).
    private static V1JSONSchemaProps ForValue(FieldShape field, Type type, string description)
    {
        if (TypeShapes.IsObject(type))
        {
            return ForObject(type, description);
        }

        V1JSONSchemaProps schema = new() { Description = description, DefaultProperty = field.Default };
        var rule = field.Rule;
        if (type == typeof(string))
        {
            schema.Type = "string";
            schema.MinLength = rule?.MinLength;
            schema.MaxLength = rule?.MaxLength;
            schema.Pattern = rule is { PatternAsCel: false } ? rule.Pattern : null;
            schema.XKubernetesValidations = rule is { PatternAsCel: true, Pattern: not null }
                ? [new V1ValidationRule { Rule = rule.CelPatternRule, Message = rule.PatternMessage }]
                : null;
            schema.EnumProperty = field.AllowedValues?.Cast<object>().ToList();
        }
        else if (type.IsEnum)
        {
            schema.Type = "string";
            schema.EnumProperty = [.. (field.AllowedValues ?? JsonNames.Members(type)).Cast<object>()];
        }
        else if (type == typeof(bool))
        {
            schema.Type = "boolean";
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            schema.Type = "integer";
            schema.Format = type == typeof(int) ? "int32" : "int64";
            schema.Minimum = rule?.Minimum;
            schema.Maximum = rule?.Maximum;
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = "string";
            schema.Format = "date-time";
        }
        else
        {
            throw new NotSupportedException($"{field.Property.DeclaringType}.{field.Property.Name}: no schema for {type}.");
        }

        return schema;
    }

    private static string? ItemCountText(FieldShape field) => (field.MinItems, field.MaxItems) switch
    {
        (int min and > 0, int max) => string.Create(CultureInfo.InvariantCulture, $"{min} to {max} items."),
        (_, int max) => string.Create(CultureInfo.InvariantCulture, $"At most {max} items."),
        _ => null,
    };
}

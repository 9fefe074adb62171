using System.Collections;

using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Api.Validation;

/// <summary>
/// Checks one object against every schema and CEL rule of its CRD, in C#: the operator must not trust that the API
/// server enforced the schema. Pure; reads the same <see cref="FieldShape"/>s and <see cref="ObjectRules"/> the CRD
/// generator writes.
/// </summary>
public static class ObjectValidator
{
    /// <summary>Every violation of the object, each with its field path (<c>spec.number.number</c>).</summary>
    /// <param name="resource">The object.</param>
    /// <param name="includeStatus">False to skip status: the operator writes it, so it never makes the object invalid to compile.</param>
    public static IReadOnlyList<ValidationError> Validate(ICustomResource resource, bool includeStatus = true)
    {
        ArgumentNullException.ThrowIfNull(resource);
        CustomResourceKind kind = CustomResourceKinds.All.FirstOrDefault(entry => entry.ClrType == resource.GetType())
            ?? throw new ArgumentException($"{resource.GetType()} is not one of the cpaasx.io kinds.", nameof(resource));

        List<ValidationError> errors = [];
        if (resource.ApiVersion != CustomResourceKinds.ApiVersion)
        {
            errors.Add(new("apiVersion", $"must be {CustomResourceKinds.ApiVersion}"));
        }

        if (resource.Kind != kind.Kind)
        {
            errors.Add(new("kind", $"must be {kind.Kind}"));
        }

        if (string.IsNullOrEmpty(resource.Metadata?.Name))
        {
            errors.Add(new("metadata.name", "Required value"));
        }
        else
        {
            AddAll(errors, "metadata.name", FieldRules.ObjectName.Check(resource.Metadata.Name));
        }

        CheckObject(errors, "spec", resource.SpecObject);
        if (includeStatus && resource.StatusObject is CustomResourceStatus status)
        {
            CheckObject(errors, "status", status);
        }

        return errors;
    }

    private static void CheckObject(List<ValidationError> errors, string path, object value)
    {
        foreach (FieldShape field in TypeShapes.Of(value.GetType()))
        {
            string fieldPath = $"{path}.{field.JsonName}";
            object? fieldValue = field.Property.GetValue(value);
            if (field.Required && IsUnset(fieldValue, field.Property.PropertyType))
            {
                errors.Add(new(fieldPath, "Required value"));
                continue;
            }

            if (fieldValue is null)
            {
                continue;
            }

            if (fieldValue is IEnumerable list and not string)
            {
                CheckList(errors, fieldPath, field, [.. list.Cast<object?>()]);
            }
            else
            {
                CheckValue(errors, fieldPath, field, fieldValue);
            }
        }

        foreach (ObjectRule rule in ObjectRules.For(value.GetType()).Where(rule => !rule.Holds(value)))
        {
            errors.Add(new(path + rule.FieldPath, rule.Message));
        }
    }

    private static void CheckList(List<ValidationError> errors, string path, FieldShape field, IReadOnlyList<object?> items)
    {
        if (field.MinItems is int min && items.Count < min)
        {
            errors.Add(new(path, $"must have at least {min} items"));
        }

        if (field.MaxItems is int max && items.Count > max)
        {
            errors.Add(new(path, $"must have at most {max} items"));
        }

        HashSet<string> seen = new(StringComparer.Ordinal);
        for (int index = 0; index < items.Count; index++)
        {
            string itemPath = $"{path}[{index}]";
            if (items[index] is not object item)
            {
                errors.Add(new(itemPath, "Required value"));
                continue;
            }

            CheckValue(errors, itemPath, field, item);
            if (UniquenessKey(field, item) is string key && !seen.Add(key))
            {
                errors.Add(new(itemPath, $"Duplicate value: {key}"));
            }
        }
    }

    private static void CheckValue(List<ValidationError> errors, string path, FieldShape field, object value)
    {
        switch (value)
        {
            case string text:
                AddAll(errors, path, field.Rule?.Check(text) ?? []);
                CheckAllowed(errors, path, field, text);
                break;
            // A manifest may give an enum as a number the enum does not define; the schema allows only the names.
            case Enum member when !Enum.IsDefined(member.GetType(), member):
                errors.Add(new(path, $"Unsupported value: {member}: supported values: {string.Join(", ", JsonNames.Members(member.GetType()))}"));
                break;
            case Enum member:
                CheckAllowed(errors, path, field, JsonNames.Of(member));
                break;
            case int or long:
                AddAll(errors, path, field.Rule?.Check(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)) ?? []);
                break;
            case var nested when TypeShapes.IsObject(nested.GetType()):
                CheckObject(errors, path, nested);
                break;
        }
    }

    private static void CheckAllowed(List<ValidationError> errors, string path, FieldShape field, string value)
    {
        if (field.AllowedValues is { } allowed && !allowed.Contains(value))
        {
            errors.Add(new(path, $"Unsupported value: \"{value}\": supported values: {string.Join(", ", allowed)}"));
        }
    }

    // A set's items are unique by value; a map's by its key fields.
    private static string? UniquenessKey(FieldShape field, object item) => field.ListKind?.ListType switch
    {
        ListKindAttribute.Set => item is Enum member ? JsonNames.Of(member) : item.ToString(),
        ListKindAttribute.Map => string.Join("/", TypeShapes.Of(item.GetType())
            .Where(shape => field.ListKind.MapKeys.Contains(shape.JsonName))
            .Select(shape => shape.Property.GetValue(item) is Enum member ? JsonNames.Of(member) : shape.Property.GetValue(item)?.ToString())),
        _ => null,
    };

    // A required field is unset when absent, empty (a string the deserializer defaulted) or, for a non-nullable
    // value type other than bool, left at its default (a time of 0001-01-01).
    private static bool IsUnset(object? value, Type propertyType) =>
        value is null
        || (value is string text && text.Length == 0)
        || (propertyType.IsValueType && propertyType != typeof(bool) && Nullable.GetUnderlyingType(propertyType) is null
            && value.Equals(Activator.CreateInstance(propertyType)));

    private static void AddAll(List<ValidationError> errors, string path, IEnumerable<string> messages) =>
        errors.AddRange(messages.Select(message => new ValidationError(path, message)));
}

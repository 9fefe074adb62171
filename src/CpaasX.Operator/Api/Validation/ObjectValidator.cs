using System.Collections;
using System.Collections.Concurrent;

using CpaasX.Operator.Api.Markers;
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
    // The default of each required value type, created once instead of once per field checked.
    private static readonly ConcurrentDictionary<Type, object?> DefaultValues = new();

    /// <summary>Every violation of the object, each with its field path (<c>spec.number.number</c>).</summary>
    /// <param name="resource">The object.</param>
    /// <param name="includeStatus">False to skip status: the operator writes it, so it never makes the object invalid to compile.</param>
    public static IReadOnlyList<ValidationError> Validate(ICustomResource resource, bool includeStatus = true)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var kind = CustomResourceKinds.All.FirstOrDefault(entry => entry.ClrType == resource.GetType())
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
            foreach (var message in FieldRules.ObjectName.Check(resource.Metadata.Name))
            {
                errors.Add(new("metadata.name", message));
            }
        }

        FieldPath path = new();
        CheckRoot(errors, path, "spec", resource.SpecObject);
        if (includeStatus && resource.StatusObject is CustomResourceStatus status)
        {
            CheckRoot(errors, path, "status", status);
        }

        return errors;
    }

    private static void CheckRoot(List<ValidationError> errors, FieldPath path, string name, object value)
    {
        path.Push(name);
        CheckObject(errors, path, value);
        path.Pop();
    }

    private static void CheckObject(List<ValidationError> errors, FieldPath path, object value)
    {
        foreach (var field in TypeShapes.Of(value.GetType()))
        {
            path.Push(field.JsonName);
            CheckField(errors, path, field, field.Property.GetValue(value));
            path.Pop();
        }

        foreach (var rule in ObjectRules.For(value.GetType()))
        {
            if (!rule.Holds(value))
            {
                errors.Add(new(path.ToString() + rule.FieldPath, rule.Message));
            }
        }
    }

    private static void CheckField(List<ValidationError> errors, FieldPath path, FieldShape field, object? value)
    {
        if (field.Required && IsUnset(value, field.Property.PropertyType))
        {
            errors.Add(new(path.ToString(), "Required value"));
        }
        else if (value is IEnumerable list and not string)
        {
            CheckList(errors, path, field, list as IList ?? list.Cast<object?>().ToList());
        }
        else if (value is not null)
        {
            CheckValue(errors, path, field, value);
        }
    }

    private static void CheckList(List<ValidationError> errors, FieldPath path, FieldShape field, IList items)
    {
        if (field.MinItems is int min && items.Count < min)
        {
            errors.Add(new(path.ToString(), $"must have at least {min} items"));
        }

        if (field.MaxItems is int max && items.Count > max)
        {
            errors.Add(new(path.ToString(), $"must have at most {max} items"));
        }

        HashSet<string>? seen = field.ListKind is null ? null : new(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            path.PushIndex(index);
            if (items[index] is not object item)
            {
                errors.Add(new(path.ToString(), "Required value"));
            }
            else
            {
                CheckValue(errors, path, field, item);
                if (UniquenessKey(field, item) is string key && !seen!.Add(key))
                {
                    errors.Add(new(path.ToString(), $"Duplicate value: {key}"));
                }
            }

            path.Pop();
        }
    }

    private static void CheckValue(List<ValidationError> errors, FieldPath path, FieldShape field, object value)
    {
        switch (value)
        {
            case string text:
                AddAll(errors, path, field.Rule?.Check(text) ?? []);
                CheckAllowed(errors, path, field, text);
                break;
            // A manifest may give an enum as a number the enum does not define; the schema allows only the names.
            case Enum member when !Enum.IsDefined(member.GetType(), member):
                errors.Add(new(path.ToString(), $"Unsupported value: {member}: supported values: {string.Join(", ", JsonNames.Members(member.GetType()))}"));
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

    private static void CheckAllowed(List<ValidationError> errors, FieldPath path, FieldShape field, string value)
    {
        if (field.AllowedValues is { } allowed && !allowed.Contains(value))
        {
            errors.Add(new(path.ToString(), $"Unsupported value: \"{value}\": supported values: {string.Join(", ", allowed)}"));
        }
    }

    // A set's items are unique by value; a map's by its key fields.
    private static string? UniquenessKey(FieldShape field, object item) => field.ListKind?.ListType switch
    {
        ListKindAttribute.Set => JsonNames.OfValue(item),
        ListKindAttribute.Map => string.Join("/", TypeShapes.Of(item.GetType())
            .Where(shape => field.ListKind.MapKeys.Contains(shape.JsonName))
            .Select(shape => JsonNames.OfValue(shape.Property.GetValue(item)))),
        _ => null,
    };

    // A required field is unset when absent, empty (a string the deserializer defaulted) or, for a non-nullable
    // value type other than bool, left at its default (a time of 0001-01-01).
    private static bool IsUnset(object? value, Type propertyType) =>
        value is null
        || (value is string text && text.Length == 0)
        || (propertyType.IsValueType && propertyType != typeof(bool) && Nullable.GetUnderlyingType(propertyType) is null
            && value.Equals(DefaultValues.GetOrAdd(propertyType, Activator.CreateInstance)));

    private static void AddAll(List<ValidationError> errors, FieldPath path, IReadOnlyList<string> messages)
    {
        foreach (var message in messages)
        {
            errors.Add(new(path.ToString(), message));
        }
    }
}

using CpaasX.Operator.Runtime.Client;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The static description of one kind: its names, printer columns and CLR type.</summary>
public sealed record CustomResourceKind(
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    string Description,
    IReadOnlyList<PrinterColumn> PrinterColumns,
    Type ClrType,
    bool SpecRequired)
{
    /// <summary>kubectl categories: <c>kubectl get cpaasx</c> lists every kind.</summary>
    public IReadOnlyList<string> Categories { get; } = [CustomResourceKinds.Category];

    /// <summary>The CRD's name, plural.group.</summary>
    public string CrdName => $"{Plural}.{CustomResourceKinds.Group}";

    /// <summary>Where the API serves the kind.</summary>
    public ApiResource ApiResource => new(CustomResourceKinds.Group, CustomResourceKinds.Version, Plural);

    /// <summary>The CLR type of spec.</summary>
    public Type SpecType => GenericArgument(0);

    /// <summary>The CLR type of status.</summary>
    public Type StatusType => GenericArgument(1);

    private Type GenericArgument(int index)
    {
        var type = ClrType;
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CustomResource<,>)))
        {
            type = type.BaseType;
        }

        return type?.GetGenericArguments()[index] ?? throw new InvalidOperationException($"{ClrType} does not derive from CustomResource<,>.");
    }
}

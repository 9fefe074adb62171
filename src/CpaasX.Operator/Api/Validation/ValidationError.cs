namespace CpaasX.Operator.Api.Validation;

/// <summary>One violation of one object, at a field path such as <c>spec.number.number</c>.</summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

namespace CpaasX.ApiServer.Errors;

/// <summary>One entry of an Invalid Status's details.causes, worded as kube-apiserver words it.</summary>
internal sealed record FieldCause(string Reason, string Message, string Field)
{
    public override string ToString() => $"{Field}: {Message}";
}

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The cap on associations an Application, Entity or Resource lists in its status, so a busy one stays small.</summary>
public static class AssociationList
{
    public const int MaxListed = 50;
}

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The cap on association names an Application or Entity lists in its status, so a busy one stays small.</summary>
public static class AssociationList
{
    public const int MaxListed = 50;
}

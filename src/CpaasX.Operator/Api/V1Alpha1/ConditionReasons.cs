namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The reasons of the Ready condition, as domain.md names them.</summary>
public static class ConditionReasons
{
    public const string Resolved = "Resolved";
    public const string Invalid = "Invalid";
    public const string ReferenceNotFound = "ReferenceNotFound";
    public const string Incompatible = "Incompatible";
    public const string Duplicate = "Duplicate";
    public const string Conflict = "Conflict";
    public const string InUse = "InUse";
    public const string NoSenders = "NoSenders";
    public const string DefaultNotAllowedOnSharedNumber = "DefaultNotAllowedOnSharedNumber";

    /// <summary>The stored object does not decode into the operator's model (e.g. a value a newer version wrote).</summary>
    public const string Undecodable = "Undecodable";

    /// <summary>The reasons above as one list for the CRD description.</summary>
    public const string DescriptionList = Resolved + ", " + Invalid + ", " + ReferenceNotFound + ", " + Incompatible + ", "
        + Duplicate + ", " + Conflict + ", " + InUse + ", " + NoSenders + ", " + DefaultNotAllowedOnSharedNumber + ", " + Undecodable;
}

namespace CpaasX.ApiServer.Identity;

/// <summary>What an identity may do. Finer rules (which ConfigMaps a ServiceAccount may write) are admission policies.</summary>
public enum ApiAccess
{
    ReadWrite,
    ReadOnly,
}

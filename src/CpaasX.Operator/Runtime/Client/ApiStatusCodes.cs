namespace CpaasX.Operator.Runtime.Client;

/// <summary>HTTP status codes the runtime reacts to, as they appear in a Kubernetes Status.</summary>
internal static class ApiStatusCodes
{
    /// <summary>The resourceVersion (or continue token) is older than the server keeps: list again.</summary>
    public const int Gone = 410;
}

namespace CpaasX.Operator.Runtime;

/// <summary>HTTP status codes the runtime reacts to, as they appear in a Kubernetes Status.</summary>
internal static class StatusCodes
{
    /// <summary>The resourceVersion (or continue token) is older than the server keeps: list again.</summary>
    public const int Gone = 410;
}

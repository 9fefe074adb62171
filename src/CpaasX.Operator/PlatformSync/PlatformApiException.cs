namespace CpaasX.Operator.PlatformSync;

/// <summary>A platform request that failed for good: not retryable, or still failing after the last attempt.</summary>
public sealed class PlatformApiException(string endpoint, int status, string detail)
    : Exception($"{endpoint} answered {(status == 0 ? "nothing" : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {detail}")
{
    public string Endpoint { get; } = endpoint;

    /// <summary>The last HTTP status, 0 when no answer came.</summary>
    public int Status { get; } = status;

    /// <summary>401 or 403: the key is revoked or lacks a scope; retrying cannot help.</summary>
    public bool IsAccessDenied => Status is 401 or 403;
}

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The stored sync record cannot be read or written (a hand edit that does not decode, a record beyond a
/// ConfigMap's size, the API refusing the write). The pass stops before any platform write it could not record.
/// </summary>
public sealed class SyncRecordException(string message, Exception? inner = null) : Exception(message, inner);

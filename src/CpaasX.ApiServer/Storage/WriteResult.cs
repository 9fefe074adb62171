namespace CpaasX.ApiServer.Storage;

/// <summary>The state a write left, whether it removed the object, and warnings for the client.</summary>
internal sealed record WriteResult(StoredObject Object, bool Removed, IReadOnlyList<string> Warnings);

using System.Text;

using CpaasX.Operator.Runtime.Client;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// A namespace's platform binding: the <c>cpaasx-platform</c> Secret (keys <c>baseUrl</c> and <c>apiKey</c>), read by
/// name so that RBAC can grant <c>get</c> on that one name and no list or watch of Secrets, and the Namespace's
/// annotations <c>cpaasx.io/platform-sync</c> (<c>plan</c>, the default, or <c>apply</c>) and
/// <c>cpaasx.io/platform-prune</c> (<c>"true"</c> allows pruning).
/// </summary>
public sealed record PlatformSyncSettings(PlatformBinding Binding, PlatformSyncMode Mode, bool Prune)
{
    public const string SecretName = "cpaasx-platform";
    public const string ModeAnnotation = "cpaasx.io/platform-sync";
    public const string PruneAnnotation = "cpaasx.io/platform-prune";

    /// <summary>
    /// The namespace's settings; null Settings and null Problem when no Secret binds it (nothing is synced), null
    /// Settings and a Problem when the binding is unusable. A problem never quotes the Secret's values.
    /// </summary>
    public static async Task<(PlatformSyncSettings? Settings, string? Problem)> ReadAsync(IKubernetes client, string namespaceName, CancellationToken cancellationToken)
    {
        V1Secret secret;
        try
        {
            secret = await client.CoreV1.ReadNamespacedSecretAsync(SecretName, namespaceName, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return (null, null);
        }

        var baseUrl = Value(secret, "baseUrl");
        var apiKey = Value(secret, "apiKey");
        if (baseUrl is null || apiKey is null)
        {
            return (null, $"Secret {SecretName} needs the keys baseUrl and apiKey; nothing is synced");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return (null, $"Secret {SecretName}: baseUrl is not an http(s) URL; nothing is synced");
        }

        var space = await client.CoreV1.ReadNamespaceAsync(namespaceName, cancellationToken: cancellationToken);
        var annotations = space.Metadata.Annotations ?? new Dictionary<string, string>();
        PlatformSyncMode? mode = annotations.TryGetValue(ModeAnnotation, out var text) ? text switch
        {
            "plan" => PlatformSyncMode.Plan,
            "apply" => PlatformSyncMode.Apply,
            _ => null,
        } : PlatformSyncMode.Plan;
        if (mode is null)
        {
            return (null, $"annotation {ModeAnnotation} is \"{text}\", not plan or apply; nothing is synced");
        }

        return (new PlatformSyncSettings(new PlatformBinding(url, apiKey), mode.Value,
            annotations.TryGetValue(PruneAnnotation, out var prune) && prune == "true"), null);
    }

    private static string? Value(V1Secret secret, string key) =>
        secret.Data?.TryGetValue(key, out var bytes) == true && bytes.Length > 0 ? Encoding.UTF8.GetString(bytes).Trim() : null;
}

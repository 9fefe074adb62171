namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The account a namespace is bound to: its API base URL and key (from the <c>cpaasx-platform</c> Secret). The key
/// is sent as <c>Authorization: App &lt;key&gt;</c> and never written anywhere else; <see cref="ToString"/> leaves it out.
/// </summary>
public sealed class PlatformBinding(Uri baseUrl, string apiKey)
{
    public Uri BaseUrl { get; } = baseUrl;

    internal string ApiKey { get; } = apiKey;

    public override string ToString() => $"platform account at {BaseUrl} (key not shown)";
}

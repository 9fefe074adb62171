using System.Security.Cryptography.X509Certificates;

using CpaasX.ApiServer.Http;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// The certificate the secured metrics serve: <c>tls.crt</c> and <c>tls.key</c> (PEM) from a directory, the layout of a
/// <c>kubernetes.io/tls</c> Secret such as cert-manager writes, read again when they change so a renewed certificate is
/// served without a restart; or, without a directory, a self-signed one made at start (scrapers then skip verification).
/// </summary>
internal sealed class MetricsCertificate
{
    public const string CertificateFile = "tls.crt";
    public const string KeyFile = "tls.key";

    private readonly string? _directory;
    private readonly Lock _lock = new();
    private X509Certificate2 _current;
    private (byte[] Certificate, byte[] Key) _loadedFrom = ([], []);

    private MetricsCertificate(string? directory, X509Certificate2 current)
    {
        _directory = directory;
        _current = current;
    }

    /// <summary>Loads the directory's pair, or makes a self-signed certificate when <paramref name="directory"/> is null.</summary>
    public static MetricsCertificate Load(string? directory)
    {
        if (directory is null)
        {
            return new MetricsCertificate(null, ServerCertificate.Create("cpaasx-operator-metrics"));
        }

        var files = Read(directory);
        try
        {
            return new MetricsCertificate(directory, FromPem(files)) { _loadedFrom = files };
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            // At start there is no last good pair to keep serving: the operator stops, saying which flag is wrong.
            throw new UsageException(
                $"--metrics-cert-dir: '{directory}' holds no PEM certificate and key in {CertificateFile} and {KeyFile}: {error.Message}", error);
        }
    }

    /// <summary>The certificate for a new connection: the directory's pair as it is now, or the last good one while it is being replaced.</summary>
    public X509Certificate2 Current()
    {
        if (_directory is null)
        {
            return _current;
        }

        lock (_lock)
        {
            try
            {
                var files = Read(_directory);
                if (!files.Certificate.AsSpan().SequenceEqual(_loadedFrom.Certificate) || !files.Key.AsSpan().SequenceEqual(_loadedFrom.Key))
                {
                    _current = FromPem(files);
                    _loadedFrom = files;
                }
            }
            catch (Exception error) when (error is IOException or System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                // A Secret update writes the two files one after the other: keep serving the last pair that loaded.
            }

            return _current;
        }
    }

    private static (byte[] Certificate, byte[] Key) Read(string directory) =>
        (File.ReadAllBytes(Path.Combine(directory, CertificateFile)), File.ReadAllBytes(Path.Combine(directory, KeyFile)));

    private static X509Certificate2 FromPem((byte[] Certificate, byte[] Key) files)
    {
        using var pem = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(files.Certificate), System.Text.Encoding.ASCII.GetString(files.Key));
        // A certificate with an ephemeral key cannot serve TLS everywhere; one read back from PKCS#12 can.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CpaasX.ApiServer.Http;

/// <summary>
/// A self-signed certificate for 127.0.0.1, ::1 and localhost, made at each start and trusted only through the
/// kubeconfig (certificate-authority-data). TLS is what makes the tokens work: kubectl sends a kubeconfig's credentials
/// only over TLS, never over plain HTTP. The operator's secured /metrics uses one too when it is given no certificate.
/// </summary>
public static class ServerCertificate
{
    public static X509Certificate2 Create(string commonName = "cpaasx-embedded-api-server")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // Its own authority: clients are given this very certificate as the one to trust.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        // A certificate with an ephemeral key cannot serve TLS everywhere; one read back from PKCS#12 can.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The PEM text kubeconfigs carry (base64 once more) as certificate-authority-data.</summary>
    public static string AuthorityData(X509Certificate2 certificate) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
}

using System.IO.Compression;

namespace CpaasX.Operator.Tests.Support;

/// <summary>What a tenant could plant under the managed label: a ConfigMap-sized gzip that inflates to 1 GiB.</summary>
internal static class GzipBombs
{
    private static readonly Lazy<byte[]> Zeros = new(() =>
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                gzip.Write(chunk);
            }
        }

        return buffer.ToArray();
    });

    /// <summary>1 GiB of zeros gzipped: about 1 MB.</summary>
    public static byte[] OneGibibyteOfZeros => Zeros.Value;
}

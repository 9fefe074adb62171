namespace CpaasX.Routing.Tests.Table;

/// <summary>
/// A temporary directory holding the given files, optionally laid out as the kubelet mounts a ConfigMap volume: the
/// files in a hidden timestamped folder, a <c>..data</c> link to it, and one link per file through <c>..data</c>.
/// </summary>
internal sealed class MountedDirectory : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("routing-mount-");

    public MountedDirectory(params (string Name, byte[] Bytes)[] files)
        : this(files, kubeletLayout: false)
    {
    }

    public MountedDirectory((string Name, byte[] Bytes)[] files, bool kubeletLayout)
    {
        var folder = kubeletLayout ? _root.CreateSubdirectory("..2026_12_07_04_00_00.000000001").FullName : _root.FullName;
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(System.IO.Path.Combine(folder, name), bytes);
            if (kubeletLayout)
            {
                File.CreateSymbolicLink(System.IO.Path.Combine(_root.FullName, name), System.IO.Path.Combine("..data", name));
            }
        }

        if (kubeletLayout)
        {
            Directory.CreateSymbolicLink(System.IO.Path.Combine(_root.FullName, "..data"), System.IO.Path.GetFileName(folder));
        }
    }

    public string Path => _root.FullName;

    public void Dispose() => _root.Delete(recursive: true);
}

using System.Runtime.InteropServices;

namespace CpaasX.Testing;

/// <summary>
/// Writes a ConfigMap's keys into a directory exactly as the kubelet's atomic writer does for a ConfigMap volume: the
/// files go into a fresh timestamped folder (<c>..2026_12_07_04_00_00.123456789</c>), a <c>..data_tmp</c> symlink to it
/// is renamed over <c>..data</c> in one step, each key is a symlink <c>key -&gt; ..data/key</c> (created when new,
/// removed when the key is gone), and the previous folder is removed last.
/// </summary>
public sealed class KubeletAtomicWriter(string directory)
{
    private const string DataLink = "..data";
    private const string TemporaryDataLink = "..data_tmp";

    public string Directory { get; } = directory;

    /// <summary>Publishes <paramref name="keys"/> (name to content) as the directory's new version.</summary>
    public void Write(IReadOnlyDictionary<string, byte[]> keys)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var dataLink = Path.Combine(Directory, DataLink);
        var previous = new FileInfo(dataLink).LinkTarget;
        var previousKeys = previous is null ? [] : System.IO.Directory.GetFiles(Path.Combine(Directory, previous)).Select(Path.GetFileName).ToArray();

        // os.MkdirTemp(dir, "..2006_01_02_15_04_05."): the UTC time, then random digits.
        var folder = $"..{DateTime.UtcNow:yyyy_MM_dd_HH_mm_ss}.{Random.Shared.Next(100_000_000, 999_999_999)}";
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, folder));
        foreach (var (key, content) in keys)
        {
            File.WriteAllBytes(Path.Combine(Directory, folder, key), content);
        }

        var temporaryLink = Path.Combine(Directory, TemporaryDataLink);
        File.CreateSymbolicLink(temporaryLink, folder);
        // rename(2) of the symlink over the old one (os.Rename): readers see the old version or the new one, never neither.
        // File.Move would follow the link and refuse a directory, so this calls rename itself.
        if (Rename(temporaryLink, dataLink) != 0)
        {
            throw new IOException($"rename {temporaryLink} {dataLink}: errno {Marshal.GetLastPInvokeError()}");
        }

        foreach (var key in keys.Keys)
        {
            var visible = Path.Combine(Directory, key);
            if (new FileInfo(visible).LinkTarget is null)
            {
                File.CreateSymbolicLink(visible, Path.Combine(DataLink, key));
            }
        }

        foreach (var key in previousKeys.Where(key => !keys.ContainsKey(key!)))
        {
            File.Delete(Path.Combine(Directory, key!));
        }

        if (previous is not null)
        {
            System.IO.Directory.Delete(Path.Combine(Directory, previous), recursive: true);
        }
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);
}

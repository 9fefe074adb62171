using System.Text;

using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Routing.Mounted;

/// <summary>
/// The routing table of a mounted routing ConfigMap directory, reloaded when the kubelet swaps in a new version.
/// The kubelet writes each version into a fresh hidden folder and then renames a <c>..data_tmp</c> symlink over
/// <c>..data</c>; this holder notices any change of the directory's entries (a watcher, and a poll in case the watcher
/// misses one), reads the table through <see cref="RoutingTableJson.Load"/>, and swaps the new
/// <see cref="LoadedRoutingTable"/> in with one reference write: a resolve sees the old table or the new one, whole.
/// When a reload fails the last good table keeps serving; the next change of the directory is tried again.
/// </summary>
public sealed class RoutingTableDirectory : IDisposable
{
    /// <summary>How often the directory is checked besides the watcher's events; a check that finds no change reads no table.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    // The kubelet's symlink to the current version's folder.
    private const string KubeletDataLink = "..data";

    private readonly Lock _gate = new();
    private readonly Timer _poll;
    private FileSystemWatcher? _watcher;
    private LoadedRoutingTable? _current;
    private string? _checkedFingerprint;
    private long _reloadFailures;
    private bool _disposed;

    /// <summary>Loads the table now (if the directory holds one yet) and starts following the directory.</summary>
    public RoutingTableDirectory(string path, TimeSpan? pollInterval = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        Refresh();
        var interval = pollInterval ?? DefaultPollInterval;
        _poll = new Timer(_ => Refresh(), null, interval, interval);
    }

    /// <summary>The mounted directory.</summary>
    public string Path { get; }

    /// <summary>The table in use, or null while the directory has never held a readable table.</summary>
    public LoadedRoutingTable? Current => Volatile.Read(ref _current);

    /// <summary>The current table's resolver; throws while no table has been loaded (see <see cref="Current"/>).</summary>
    public RoutingResolver Resolver => Current?.Resolver
        ?? throw new InvalidOperationException($"No routing table loaded from {Path} yet: {LastFailure?.Message ?? "none found"}");

    /// <summary>The current table's content hash, or null while none is loaded.</summary>
    public string? Hash => Current?.Hash;

    /// <summary>
    /// How many reloads found a table they could not read since the start (each version is tried once). A directory
    /// without a table (not written yet) is no failure: <see cref="Current"/> stays as it was.
    /// </summary>
    public long ReloadFailures => Interlocked.Read(ref _reloadFailures);

    /// <summary>Why the last reload read no table (none there, or unreadable), or null when the last one succeeded.</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>Raised after a table of a new hash has been swapped in, with that table.</summary>
    public event EventHandler<LoadedRoutingTable>? Changed;

    /// <summary>Raised when a reload found a table it could not read; the previous table, if any, stays in use.</summary>
    public event EventHandler<Exception>? ReloadFailed;

    /// <summary>
    /// Checks the directory now and reloads the table if its entries changed since the last check. True when a table
    /// of a new hash was swapped in. The watcher and the poll call this; callers need not.
    /// </summary>
    public bool Refresh()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            EnsureWatcher();
            var fingerprint = Fingerprint();
            if (fingerprint is not null && fingerprint == _checkedFingerprint)
            {
                return false;
            }

            // Taken before reading: if the kubelet is mid-swap, the next check sees other entries and reads again.
            _checkedFingerprint = fingerprint;
            LoadedRoutingTable loaded;
            try
            {
                loaded = LoadedRoutingTable.Of(RoutingTableJson.Load(Path));
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                // No table yet (the ConfigMap is not written yet), or a key the kubelet is switching: not a failure of
                // the table; the change that brings it triggers the next read.
                LastFailure = exception;
                return false;
            }
            catch (Exception exception)
            {
                // Whatever else failed (bad JSON or gzip, another apiVersion, no permission), the last good table serves on.
                Interlocked.Increment(ref _reloadFailures);
                LastFailure = exception;
                ReloadFailed?.Invoke(this, exception);
                return false;
            }

            LastFailure = null;
            if (loaded.Hash == Current?.Hash)
            {
                return false;
            }

            Volatile.Write(ref _current, loaded);
            Changed?.Invoke(this, loaded);
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _poll.Dispose();
            _watcher?.Dispose();
        }
    }

    // A watcher can only be put on an existing directory; until the volume appears the poll alone checks it.
    private void EnsureWatcher()
    {
        if (_watcher is not null || !Directory.Exists(Path))
        {
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(Path);
            watcher.Created += (_, _) => Refresh();
            watcher.Changed += (_, _) => Refresh();
            watcher.Deleted += (_, _) => Refresh();
            watcher.Renamed += (_, _) => Refresh();
            watcher.Error += (_, _) => Refresh();
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No watcher (the inotify limit, say): the poll still notices every change, only later.
        }
    }

    // What identifies a version of the directory without reading the table: each entry's name, symlink target, and
    // for a plain file its size and time. A kubelet swap changes the ..data target; a plain copy changes size or time.
    // The kubelet's other hidden entries (the timestamped folders, ..data_tmp) come and go within one swap and are left
    // out, so that one swap is one reload.
    private string? Fingerprint()
    {
        try
        {
            var entries = new DirectoryInfo(Path).EnumerateFileSystemInfos()
                .Where(entry => entry.Name == KubeletDataLink || !entry.Name.StartsWith("..", StringComparison.Ordinal))
                .OrderBy(entry => entry.Name, StringComparer.Ordinal);
            var fingerprint = new StringBuilder();
            foreach (var entry in entries)
            {
                fingerprint.Append(entry.Name).Append(" -> ").Append(entry.LinkTarget);
                if (entry is FileInfo { LinkTarget: null } file)
                {
                    fingerprint.Append(' ').Append(file.Length).Append(' ').Append(file.LastWriteTimeUtc.Ticks);
                }

                fingerprint.Append('\n');
            }

            return fingerprint.ToString();
        }
        catch (DirectoryNotFoundException)
        {
            // Not mounted (yet): one version like any other, tried once, not at every poll.
            return string.Empty;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The directory changes under the listing: no fingerprint, so the table is read and tried.
            return null;
        }
    }
}

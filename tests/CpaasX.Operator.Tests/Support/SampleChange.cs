namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// A pull request over config/samples, on disk: <see cref="Before"/> is a copy of the samples, <see cref="After"/> the
/// same copy with edits. Each edit must find its text exactly once, so a change to the samples fails loudly here.
/// </summary>
internal sealed class SampleChange : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("diff-samples-");

    public SampleChange()
    {
        Copy(RepositoryRoot.Combine("config", "samples"), Before);
        Copy(RepositoryRoot.Combine("config", "samples"), After);
    }

    public string Before => Path.Combine(_root.FullName, "before");

    public string After => Path.Combine(_root.FullName, "after");

    public string Root => _root.FullName;

    /// <summary>Replaces <paramref name="old"/>, which must occur once, in a file of the after side (path under samples).</summary>
    public SampleChange Replace(string file, string old, string @new)
    {
        var path = Path.Combine(After, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(old, at + 1, StringComparison.Ordinal) < 0, $"'{old}' must occur once in {file}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), @new, text.AsSpan(at + old.Length)));
        return this;
    }

    /// <summary>Appends YAML documents to a file of the after side.</summary>
    public SampleChange Append(string file, string documents)
    {
        File.AppendAllText(Path.Combine(After, file), "\n---\n" + documents);
        return this;
    }

    /// <summary>Removes the one YAML document of a file of the after side that declares <c>name: NAME</c>.</summary>
    public SampleChange Remove(string file, string name)
    {
        var path = Path.Combine(After, file);
        List<string> documents = [.. File.ReadAllText(path).Split("\n---\n")];
        Assert.Single(documents, document => document.Contains($"  name: {name}\n", StringComparison.Ordinal));
        File.WriteAllText(path, string.Join("\n---\n", documents.Where(document => !document.Contains($"  name: {name}\n", StringComparison.Ordinal))));
        return this;
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

namespace CpaasX.Operator.Tests.Install;

/// <summary>The instructions of the repository's Dockerfile that the tests check (one instruction per line).</summary>
public sealed class Dockerfile
{
    private readonly IReadOnlyList<(string Instruction, string Arguments)> _instructions;

    private Dockerfile(IReadOnlyList<(string Instruction, string Arguments)> instructions) => _instructions = instructions;

    public static Dockerfile Read(string path) => new(
        File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : ""))
            .ToList());

    /// <summary>The sources of each COPY from the build context (not from another stage), in order, with the index of the instruction.</summary>
    public IReadOnlyList<(int Index, string Source)> ContextCopies() =>
        _instructions
            .Select((instruction, index) => (instruction, index))
            .Where(item => item.instruction.Instruction == "COPY")
            .Select(item => (item.index, Words: item.instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(item => !item.Words.Any(word => word.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(item => item.Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).SkipLast(1).Select(source => (item.index, source)))
            .ToList();

    public int IndexOfFirst(string instruction, string argumentsStart) =>
        _instructions.ToList().FindIndex(i => i.Instruction == instruction && i.Arguments.StartsWith(argumentsStart, StringComparison.Ordinal));

    /// <summary>The arguments of the last occurrence, which is the final stage's for USER and ENTRYPOINT.</summary>
    public string Last(string instruction) => _instructions.Last(i => i.Instruction == instruction).Arguments;
}

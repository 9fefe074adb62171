namespace CpaasX.Operator.Runtime.Queue;

/// <summary>
/// The keys a <see cref="WorkQueue{TKey}"/> has handed out and not yet seen done: how long they have been in process
/// together (<paramref name="Total"/>) and the longest of them (<paramref name="Longest"/>); a stuck worker shows as
/// values that keep growing.
/// </summary>
public readonly record struct UnfinishedWork(TimeSpan Total, TimeSpan Longest);

namespace CpaasX.Operator.Runtime;

/// <summary>A key's pending delayed add in a <see cref="WorkQueue{TKey}"/>: when it is due and the timer that adds it.</summary>
internal readonly record struct DelayedAdd(DateTimeOffset Due, ITimer Timer);

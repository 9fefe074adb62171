using System.Collections.Concurrent;

using CpaasX.Operator.Compilation;
using CpaasX.Operator.Reconciliation;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The last sync pass's verdict on each object, per namespace, in memory: the platform-sync controller stores it,
/// the namespace controller folds it into the desired status as the <c>PlatformSynced</c> condition. Conditions keep
/// one writer that way (the namespace controller's status write), instead of two replacing each other's. A verdict
/// that changes raises <see cref="Changed"/>, on which the namespace is reconciled again; an equal one raises
/// nothing, so a pass that finds the same as the last one writes nothing.
/// </summary>
public sealed class PlatformSyncResults : IDesiredStatusFold
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, ObjectSyncState>> _byNamespace = new(StringComparer.Ordinal);

    /// <summary>Raised with the namespace whose verdicts changed.</summary>
    public event Action<string>? Changed;

    /// <summary>The namespace's verdicts by object (<c>Kind/name</c>); null when it is not bound (no condition at all).</summary>
    public IReadOnlyDictionary<string, ObjectSyncState>? For(string @namespace) => _byNamespace.GetValueOrDefault(@namespace);

    public void Set(string @namespace, IReadOnlyDictionary<string, ObjectSyncState> states)
    {
        var before = For(@namespace);
        _byNamespace[@namespace] = states;
        if (before is null || before.Count != states.Count || states.Any(state => !Equals(before.GetValueOrDefault(state.Key), state.Value)))
        {
            Changed?.Invoke(@namespace);
        }
    }

    public CompileResult Fold(string @namespace, CompileResult compiled, DateTimeOffset now) =>
        PlatformSyncedCondition.Fold(compiled, For(@namespace), now);

    /// <summary>The namespace is not bound (any more): its objects lose the condition.</summary>
    public void Clear(string @namespace)
    {
        if (_byNamespace.TryRemove(@namespace, out _))
        {
            Changed?.Invoke(@namespace);
        }
    }
}

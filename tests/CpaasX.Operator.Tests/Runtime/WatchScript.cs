using CpaasX.Operator.Runtime.Client;

using k8s.Models;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>What one watch stream of a <see cref="ScriptedListWatchClient"/> delivers: these events, then a clean close or the given failure.</summary>
internal sealed record WatchScript(IReadOnlyList<WatchEvent<V1ConfigMap>> Events, Exception? ThenThrow = null);

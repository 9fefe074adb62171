using System.Collections.Concurrent;

using Cel;

namespace CpaasX.ApiServer.Admission;

/// <summary>
/// Evaluates x-kubernetes-validations rules with the Cel package. Rules it cannot evaluate (functions it lacks, such as
/// Kubernetes' own extensions) are reported as unsupported, never treated as passing or failing.
/// </summary>
internal sealed class CelRuleEvaluator
{
    private readonly CelEnvironment _environment = new([], "");
    private readonly Lock _compileGate = new();
    private readonly ConcurrentDictionary<string, CelProgramDelegate?> _programs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _unsupported = new(StringComparer.Ordinal);

    /// <summary>Rules this server could not evaluate, with the reason: the note a CRD author needs.</summary>
    public IReadOnlyDictionary<string, string> UnsupportedRules => _unsupported;

    /// <summary>Transition rules compare with the old object and only run on updates, as in Kubernetes.</summary>
    public static bool IsTransitionRule(string rule) => rule.Contains("oldSelf", StringComparison.Ordinal);

    public CelOutcome Evaluate(string rule, object? self, object? oldSelf)
    {
        var program = _programs.GetOrAdd(rule, Compile);
        if (program is null)
        {
            return CelOutcome.Unsupported(_unsupported[rule]);
        }

        var variables = new Dictionary<string, object?> { ["self"] = self };
        if (IsTransitionRule(rule))
        {
            variables["oldSelf"] = oldSelf;
        }

        try
        {
            return program(variables) is true ? CelOutcome.Passed : CelOutcome.Failed(null);
        }
        catch (Exception e) when (e is CelUnboundFunctionException or CelUndeclaredReferenceException)
        {
            _unsupported[rule] = e.Message;
            return CelOutcome.Unsupported(e.Message);
        }
        catch (CelException e)
        {
            return CelOutcome.Failed(e.Message);
        }
    }

    /// <summary>
    /// The value of <paramref name="expression"/> over <paramref name="variables"/>, for admission policies; throws
    /// <see cref="CelException"/> when it fails and <see cref="InvalidOperationException"/> when it cannot be compiled.
    /// </summary>
    public object? Value(string expression, Dictionary<string, object?> variables)
    {
        var program = _programs.GetOrAdd(expression, Compile) ?? throw new InvalidOperationException(_unsupported[expression]);
        return program(variables);
    }

    private CelProgramDelegate? Compile(string rule)
    {
        try
        {
            lock (_compileGate)
            {
                return _environment.Compile(rule);
            }
        }
        catch (CelException e)
        {
            _unsupported[rule] = e.Message;
            return null;
        }
    }
}

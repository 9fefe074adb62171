namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// How the end-to-end tests are selected. <see cref="EndToEnd"/> tests run against the embedded server or a real
/// cluster (<c>--filter Category=EndToEnd</c> on kind); <see cref="Faults"/> tests need the embedded server itself
/// (fault switches, request counters and log, operators in-process) and so are not part of a real-cluster run.
/// </summary>
internal static class EndToEndTraits
{
    public const string Category = "Category";
    public const string EndToEnd = "EndToEnd";
    public const string Faults = "Faults";

    /// <summary>One collection, run one test at a time: on a real cluster the tests share the sample namespaces.</summary>
    public const string Collection = "EndToEnd";
}

using CpaasX.Routing.Resolution;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>The expected inbound answer: application, entity, source and keyword, or an error.</summary>
internal sealed record InboundExpectation(string? ApplicationId, string? EntityId, string? Source, string? Keyword, UnroutedReason? Error)
{
    public static InboundExpectation Routed(string applicationId, string? entityId, string source, string? keyword = null) =>
        new(applicationId, entityId, source, keyword, null);

    public static InboundExpectation Unrouted(UnroutedReason error) => new(null, null, null, null, error);
}

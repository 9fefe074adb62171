using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>One row of the outbound rule table: the rule it proves, the namespace, the request and the expected answer.</summary>
internal sealed record OutboundCase(string Rule, Action<RoutingTableBuilder> Setup, OutboundRequest Request, OutboundExpectation Expected);

using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>One row of the inbound rule table: the rule it proves, the namespace, the request and the expected answer.</summary>
internal sealed record InboundCase(string Rule, Action<RoutingTableBuilder> Setup, InboundRequest Request, InboundExpectation Expected);

namespace CpaasX.Routing.Table;

/// <summary>How routing entries name the objects they came from, and the implicit defaults of the domain.</summary>
public static class RouteSources
{
    /// <summary>The implicit application that always exists and receives traffic nothing else claims.</summary>
    public const string DefaultApplicationId = "default";

    /// <summary>The source of a route that no object set.</summary>
    public const string Default = "Default";

    /// <summary>The route used when nothing is set anywhere: application <c>default</c>, no entity.</summary>
    public static readonly RouteTarget DefaultRoute = new(DefaultApplicationId, null, Default);

    public static string Of(string kind, string objectName) => $"{kind}/{objectName}";
}

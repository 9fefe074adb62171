namespace CpaasX.Operator.Writing;

/// <summary>
/// What publishing a namespace's table will do, decided before any object's status is written so that no object
/// claims Ready on a table that cannot be published: nothing (the table is in place), write
/// <see cref="Payload"/>, or nothing possible (<see cref="NotPublishedBecause"/> says why).
/// </summary>
public sealed record RoutingPublication(RoutingPayload? Payload, string? NotPublishedBecause)
{
    public static readonly RoutingPublication Unchanged = new(null, null);
}

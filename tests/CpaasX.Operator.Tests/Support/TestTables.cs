using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Routing tables of chosen sizes for the ConfigMap publisher.</summary>
internal static class TestTables
{
    public static RoutingTable WithApplications(string @namespace, params string[] ids) =>
        new(@namespace, [.. ids.Select(id => new ApplicationEntry(id, null, $"Application/{id}"))], [], [], [], []);

    /// <summary>Over the plain limit but repetitive, so gzip shrinks it far below the limit.</summary>
    public static RoutingTable Compressible(string @namespace) =>
        WithApplications(@namespace, [.. Enumerable.Range(0, 12_000).Select(i => $"application-{i:D6}")]);

    /// <summary>Random IDs gzip poorly: over the limit even compressed. Seeded, so every run builds the same table.</summary>
    public static RoutingTable Incompressible(string @namespace, int applications = 40_000)
    {
        var random = new Random(20261129);
        return WithApplications(@namespace, [.. Enumerable.Range(0, applications).Select(_ => Convert.ToHexStringLower(random.GetBytes(24)))]);
    }

    private static byte[] GetBytes(this Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}

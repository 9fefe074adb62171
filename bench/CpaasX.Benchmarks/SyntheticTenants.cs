using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Table;

namespace CpaasX.Benchmarks;

/// <summary>
/// Many tenants, one namespace each, every one of <see cref="SyntheticObjects"/>' mix and size, with numbers of its own
/// except deliberate cross-namespace duplicates: in every odd-numbered tenant the first share of its Resources declare
/// the numbers of the tenant before it, which is created first and so holds the oldest declaration. The benchmark keeps
/// this model in step with what it changes through the API, to know the routing hash each namespace must end with.
/// </summary>
internal sealed class SyntheticTenants
{
    private SyntheticTenants(IReadOnlyList<NamespaceSnapshot> namespaces, int resourcesPerNamespace, int duplicatesPerPair)
    {
        Namespaces = namespaces;
        ResourcesPerNamespace = resourcesPerNamespace;
        DuplicatesPerPair = duplicatesPerPair;
        Index = ResourceValueIndex.Build(namespaces.SelectMany(snapshot => snapshot.Resources));
    }

    /// <summary>In creation order: a duplicate's oldest declaration is in the namespace created first.</summary>
    public IReadOnlyList<NamespaceSnapshot> Namespaces { get; }

    public int ResourcesPerNamespace { get; }

    /// <summary>How many Resources of an odd-numbered tenant declare the numbers of the tenant before it.</summary>
    public int DuplicatesPerPair { get; }

    /// <summary>The cluster-wide resource values of every tenant, as the operator's index holds them.</summary>
    public ResourceValueIndex Index { get; private set; }

    public int ObjectCount => Namespaces.Sum(snapshot => snapshot.All.Count());

    /// <summary>
    /// <paramref name="tenants"/> namespaces of about <paramref name="objectsPerNamespace"/> objects; in every
    /// odd-numbered one <paramref name="duplicatePercent"/>% of its Resources (at least one, unless 0) are duplicates.
    /// </summary>
    public static SyntheticTenants Build(int tenants, int objectsPerNamespace, int duplicatePercent)
    {
        var resources = SyntheticObjects.ResourcesFor(objectsPerNamespace);
        var duplicates = (int)Math.Ceiling(resources * duplicatePercent / 100.0);
        var namespaces = Enumerable.Range(0, tenants)
            .Select(tenant => SyntheticObjects.Snapshot(resources, NamespaceName(tenant), tenant * resources))
            .ToList();
        for (var tenant = 1; tenant < tenants; tenant += 2)
        {
            for (var i = 0; i < duplicates; i++)
            {
                var (later, first) = (namespaces[tenant].Resources[i], namespaces[tenant - 1].Resources[i]);
                later.Spec = later.Spec with { Number = later.Spec.Number! with { Number = first.Spec.Number!.Number } };
            }
        }

        return new SyntheticTenants(namespaces, resources, duplicates);
    }

    public static string NamespaceName(int tenant) => $"tenant-{tenant:D3}";

    /// <summary>The routing hash the operator must publish for <paramref name="snapshot"/>.</summary>
    public string ExpectedHash(NamespaceSnapshot snapshot) =>
        RoutingTableJson.ContentHash(RoutingTableJson.Serialize(NamespaceCompiler.Compile(snapshot, Index, DateTimeOffset.UtcNow).Table));

    /// <summary>Whether Resource <paramref name="resource"/> of tenant <paramref name="tenant"/> is the later declaration of a duplicate.</summary>
    public bool IsDuplicate(int tenant, int resource) => tenant % 2 == 1 && resource < DuplicatesPerPair;

    /// <summary>Moves association <c>line-{resource}-sms</c> of the tenant to the next Application; returns its patch.</summary>
    public (string Name, string Patch) MoveAssociation(int tenant, int resource)
    {
        var snapshot = Namespaces[tenant];
        var association = snapshot.ResourceAssociations[resource];
        var current = int.Parse(association.Spec.ApplicationRef!.Name["app-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var next = $"app-{(current + 1) % snapshot.Applications.Count}";
        association.Spec = association.Spec with { ApplicationRef = new LocalObjectReference { Name = next } };
        return (association.Metadata.Name, System.Text.Json.JsonSerializer.Serialize(new { spec = new { applicationRef = new { name = next } } }));
    }

    /// <summary>Leaves the Resource out of the cluster-wide values, as the operator does once its deletion starts.</summary>
    public void Forget(Resource resource) =>
        Index = ResourceValueIndex.Build(Namespaces.SelectMany(snapshot => snapshot.Resources).Where(other => !ReferenceEquals(other, resource)));
}

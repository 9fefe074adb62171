namespace CpaasX.ApiServer.Resources;

/// <summary>
/// The kinds served before any CRD exists: what kubectl's generators, an operator and its leader election use, and the
/// admission policies that restrict an identity's writes.
/// </summary>
internal static class BuiltInResources
{
    public const string CrdGroup = "apiextensions.k8s.io";

    public static readonly ResourceType Namespaces = new()
    {
        Group = "",
        Version = "v1",
        Plural = "namespaces",
        Singular = "namespace",
        Kind = "Namespace",
        Namespaced = false,
        ShortNames = ["ns"],
        HasStatusSubresource = true,
    };

    public static readonly ResourceType CustomResourceDefinitions = new()
    {
        Group = CrdGroup,
        Version = "v1",
        Plural = "customresourcedefinitions",
        Singular = "customresourcedefinition",
        Kind = "CustomResourceDefinition",
        Namespaced = false,
        ShortNames = ["crd", "crds"],
        Categories = ["api-extensions"],
        HasStatusSubresource = true,
        TracksGeneration = true,
    };

    public const string AdmissionGroup = "admissionregistration.k8s.io";

    public static readonly ResourceType ValidatingAdmissionPolicies = new()
    {
        Group = AdmissionGroup,
        Version = "v1",
        Plural = "validatingadmissionpolicies",
        Singular = "validatingadmissionpolicy",
        Kind = "ValidatingAdmissionPolicy",
        Namespaced = false,
        HasStatusSubresource = true,
        TracksGeneration = true,
    };

    public static readonly ResourceType ValidatingAdmissionPolicyBindings = new()
    {
        Group = AdmissionGroup,
        Version = "v1",
        Plural = "validatingadmissionpolicybindings",
        Singular = "validatingadmissionpolicybinding",
        Kind = "ValidatingAdmissionPolicyBinding",
        Namespaced = false,
        TracksGeneration = true,
    };

    /// <summary>Asks who a bearer token belongs to: how a secured /metrics endpoint authenticates its scrapers.</summary>
    public static readonly ResourceType TokenReviews = new()
    {
        Group = "authentication.k8s.io",
        Version = "v1",
        Plural = "tokenreviews",
        Singular = "tokenreview",
        Kind = "TokenReview",
        Namespaced = false,
        IsReview = true,
    };

    /// <summary>Asks whether a user may do something: how a secured /metrics endpoint authorises its scrapers.</summary>
    public static readonly ResourceType SubjectAccessReviews = new()
    {
        Group = "authorization.k8s.io",
        Version = "v1",
        Plural = "subjectaccessreviews",
        Singular = "subjectaccessreview",
        Kind = "SubjectAccessReview",
        Namespaced = false,
        IsReview = true,
    };

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespaces,
        new() { Group = "", Version = "v1", Plural = "configmaps", Singular = "configmap", Kind = "ConfigMap", Namespaced = true, ShortNames = ["cm"] },
        new() { Group = "", Version = "v1", Plural = "secrets", Singular = "secret", Kind = "Secret", Namespaced = true },
        new() { Group = "", Version = "v1", Plural = "events", Singular = "event", Kind = "Event", Namespaced = true, ShortNames = ["ev"] },
        new() { Group = "events.k8s.io", Version = "v1", Plural = "events", Singular = "event", Kind = "Event", Namespaced = true, ShortNames = ["ev"] },
        new() { Group = "coordination.k8s.io", Version = "v1", Plural = "leases", Singular = "lease", Kind = "Lease", Namespaced = true },
        CustomResourceDefinitions,
        ValidatingAdmissionPolicies,
        ValidatingAdmissionPolicyBindings,
        TokenReviews,
        SubjectAccessReviews,
    ];
}

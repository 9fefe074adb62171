using System.Text.Json.Nodes;

namespace CpaasX.ApiServer.Resources;

/// <summary>A served resource: one group-version-plural with everything discovery, admission and storage need to know.</summary>
internal sealed record ResourceType
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Plural { get; init; }
    public required string Singular { get; init; }
    public required string Kind { get; init; }
    public required bool Namespaced { get; init; }
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public bool HasStatusSubresource { get; init; }

    /// <summary>Custom resources and CRDs carry metadata.generation; ConfigMaps and the like do not.</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>Served from a CRD: schema admission applies and strategic merge patch is refused, as a real server does.</summary>
    public bool IsCustom { get; init; }

    /// <summary>A review (TokenReview, SubjectAccessReview): create only, answered in the returned status and never stored.</summary>
    public bool IsReview { get; init; }

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>The version's selectableFields as field selector names ("spec.color"): what a fieldSelector may name besides metadata.</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>The CRD's openAPIV3Schema for this version, when it has one.</summary>
    public JsonObject? Schema { get; init; }

    public string ListKind => Kind + "List";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The plural qualified by its group ("widgets.example.com", "configmaps"): the name in error messages and the storage key.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The Kind qualified by its group, as Invalid errors name it ("Widget.example.com").</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}

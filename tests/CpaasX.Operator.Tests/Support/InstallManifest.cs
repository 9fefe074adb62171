namespace CpaasX.Operator.Tests.Support;

/// <summary>The names config/default installs under, shared by the install tests.</summary>
public static class InstallManifest
{
    public const string DefaultKustomization = "config/default";
    public const string PrometheusKustomization = "config/prometheus";
    public const string OperatorNamespace = "cpaasx-system";
    public const string ServiceAccountName = "cpaasx-operator";
    public const string DeploymentName = "cpaasx-operator";
    public const string ContainerName = "operator";
    public const long NonRootUid = 65532;

    /// <summary>The six kinds of the cpaasx.io group, by plural.</summary>
    public static readonly IReadOnlyList<string> CustomResourcePlurals =
        ["applications", "entities", "resources", "resourceassociations", "senderstrategies", "inboundconfigurations"];

    public static RbacPolicy OperatorPolicy(IEnumerable<ManifestObject> objects) =>
        RbacPolicy.ForServiceAccount(objects, OperatorNamespace, ServiceAccountName);
}

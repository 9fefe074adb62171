using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Tests.Support;

using NLua;

using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Install;

/// <summary>
/// Runs each kind's Argo CD health.lua with a real Lua 5.4 against the cases of its health_test.yaml,
/// the way Argo CD's own resource_customizations tests do: the object is the global <c>obj</c>, the script returns the health.
/// </summary>
public sealed class ArgoCdHealthTests
{
    private const string CustomizationsFolder = "config/argocd/resource_customizations/cpaasx.io";

    private static readonly string[] Kinds = ["Application", "Entity", "Resource", "ResourceAssociation", "SenderStrategy", "InboundConfiguration"];

    private static string KindFolder(string kind) => RepositoryRoot.Combine(Path.Combine(CustomizationsFolder, kind));

    public static TheoryData<string, string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string, string>();
        foreach (var (kind, inputPath, status, message) in AllCases())
        {
            cases.Add(kind, inputPath, status, message);
        }

        return cases;
    }

    public static TheoryData<string, string, string> StatusCases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (kind, inputPath, status, _) in AllCases())
        {
            cases.Add(kind, inputPath, status);
        }

        return cases;
    }

    private static IEnumerable<(string Kind, string InputPath, string Status, string Message)> AllCases() =>
        from kind in Kinds
        from testCase in HealthTestCases(kind)
        select (kind, ManifestPath.Scalar(testCase, "inputPath")!, ManifestPath.Scalar(testCase, "healthStatus", "status")!, ManifestPath.Scalar(testCase, "healthStatus", "message")!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Health_script_answers_each_case(string kind, string inputPath, string expectedStatus, string expectedMessage)
    {
        var input = Manifests.ReadFile(Path.Combine(KindFolder(kind), inputPath)).Single();
        Assert.Equal(kind, input.Kind);

        using var lua = new Lua();
        lua.DoString("obj = " + LuaLiteral.From(input.Root));
        var health = Assert.IsType<LuaTable>(Assert.Single(lua.DoString(File.ReadAllText(Path.Combine(KindFolder(kind), "health.lua")))));

        Assert.Equal(expectedStatus, health["status"]);
        Assert.Equal(expectedMessage, health["message"]);
    }

    /// <summary>
    /// Argo CD and Flux agree on every case: the script's answer is kstatus' (<see cref="Kstatus"/>) in Argo CD's words.
    /// One deliberate exception: an object with no status yet is Current for kstatus (it cannot tell a CR without
    /// status from one that needs none) but Progressing here, until the operator has reported.
    /// </summary>
    [Theory]
    [MemberData(nameof(StatusCases))]
    public void Health_agrees_with_kstatus(string kind, string inputPath, string expectedStatus)
    {
        var item = Assert.IsAssignableFrom<ICustomResource>(ManifestReader.ReadPath(Path.Combine(KindFolder(kind), inputPath)).Single().Resource);

        var kstatus = Kstatus.Compute(Kstatus.V1ObjectMetaLike.Of(item), item.StatusObject);

        var expectedKstatus = item.StatusObject is null ? Kstatus.Current : expectedStatus switch
        {
            "Healthy" => Kstatus.Current,
            "Degraded" => Kstatus.Failed,
            _ => item.Metadata.DeletionTimestamp is null ? Kstatus.InProgress : Kstatus.Terminating,
        };
        Assert.Equal(expectedKstatus, kstatus);
    }

    [Fact]
    public void The_six_kinds_have_a_customization_and_share_one_script()
    {
        Assert.Equal(Kinds.Order(), Directory.GetDirectories(RepositoryRoot.Combine(CustomizationsFolder)).Select(Path.GetFileName).Order());
        var scripts = Kinds.Select(kind => File.ReadAllText(Path.Combine(KindFolder(kind), "health.lua"))).ToList();
        Assert.All(scripts, script => Assert.Equal(scripts[0], script));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Every_kind_is_tested_healthy_progressing_degraded_and_terminating(string kind)
    {
        var cases = HealthTestCases(kind).ToList();

        Assert.Equal(["Degraded", "Healthy", "Progressing"], cases.Select(c => ManifestPath.Scalar(c, "healthStatus", "status")).Distinct().Order());
        Assert.Contains(cases, c => Manifests.ReadFile(Path.Combine(KindFolder(kind), ManifestPath.Scalar(c, "inputPath")!)).Single().Scalar("metadata", "deletionTimestamp") is not null);
    }

    [Fact]
    public async Task Argo_cd_config_map_overlay_carries_every_kind_script()
    {
        var configMap = Assert.Single(await Manifests.RenderAsync("config/argocd"));

        Assert.Equal(("ConfigMap", "argocd-cm", "argocd"), (configMap.Kind, configMap.Name, configMap.Namespace));
        foreach (var kind in Kinds)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(KindFolder(kind), "health.lua")), configMap.Scalar("data", $"resource.customizations.health.cpaasx.io_{kind}"));
        }
    }

    public static TheoryData<string> KindNames() => new(Kinds);

    private static IEnumerable<YamlNode> HealthTestCases(string kind) =>
        Manifests.ReadFile(Path.Combine(KindFolder(kind), "health_test.yaml")).Single().Sequence("tests");
}

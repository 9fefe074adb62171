using CpaasX.ApiServer.Tests.Support;

namespace CpaasX.ApiServer.Tests.Admission;

/// <summary>A CRD whose x-kubernetes-validations rule would cost too much to evaluate is refused when it is written.</summary>
public sealed class RuleCostTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - rule: "self.parts.all(a, self.parts.exists_one(b, b == a))"
                      message: parts are unique
                    properties:
                      parts:
                        type: array
                        {0}
                        items: {type: string, maxLength: 8}
        """;

    [Fact]
    public async Task A_nested_comprehension_over_an_unbounded_list_is_refused_as_too_expensive()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);

        var refused = await kubectl.Run("apply -f -", Crd.Replace("{0}", "", StringComparison.Ordinal));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(
            "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of",
            refused.Stderr,
            StringComparison.Ordinal);
        Assert.NotEqual(0, (await kubectl.Run("get crd gadgets.example.com")).ExitCode);
    }

    [Fact]
    public async Task The_same_rule_over_a_list_bounded_by_maxItems_is_accepted_and_enforced()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var kubectl = new Testing.Kubectl(scope.Server);

        await kubectl.Ok("apply -f -", Crd.Replace("{0}", "maxItems: 100", StringComparison.Ordinal));
        await kubectl.Ok("wait --for=condition=Established crd/gadgets.example.com --timeout=10s");
        var duplicate = await kubectl.Run("apply -f -", """
            apiVersion: example.com/v1
            kind: Gadget
            metadata: {name: g1}
            spec: {parts: [a, a]}
            """);

        Assert.Contains("parts are unique", duplicate.Stderr, StringComparison.Ordinal);
    }
}

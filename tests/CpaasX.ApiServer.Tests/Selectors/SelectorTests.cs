using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Selectors;

namespace CpaasX.ApiServer.Tests.Selectors;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("app=web,tier in (front, back)", true)]
    [InlineData("app=web,tier notin (front)", false)]
    [InlineData("app,!missing", true)]
    [InlineData("app!=web", false)]
    [InlineData("", true)]
    public void Label_selectors_combine_requirements_with_and(string selector, bool matches)
    {
        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Labels));
    }

    [Fact]
    public void Unparseable_selectors_and_unsupported_fields_are_400()
    {
        Assert.Equal(400, Assert.Throws<ApiException>(() => LabelSelector.Parse("a=(b")).Code);
        Assert.Equal(400, Assert.Throws<ApiException>(() => FieldSelector.Parse("spec.size=3", BuiltInResources.Namespaces)).Code);
    }
}

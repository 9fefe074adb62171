using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Patching;

namespace CpaasX.ApiServer.Tests.Patching;

public sealed class PatchTests
{
    [Fact]
    public void Merge_patch_merges_objects_removes_nulls_and_replaces_arrays()
    {
        var target = JsonNode.Parse("""{"a":{"b":1,"c":2},"list":[1,2],"gone":true}""");

        var result = MergePatch.Apply(target, JsonNode.Parse("""{"a":{"c":null,"d":3},"list":[3],"gone":null}"""));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":{"b":1,"d":3},"list":[3]}"""), result), result!.ToJsonString());
    }

    [Fact]
    public void Json_patch_supports_add_remove_replace_move_and_copy()
    {
        var document = JsonNode.Parse("""{"a":1,"list":[1,2],"o":{"k":"v"}}""")!;

        var result = JsonPatch.Apply(document, JsonNode.Parse("""
            [{"op":"add","path":"/list/-","value":3},{"op":"remove","path":"/a"},{"op":"replace","path":"/o/k","value":"w"},
             {"op":"move","from":"/o","path":"/p"},{"op":"copy","from":"/list/0","path":"/first"}]
            """));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"list":[1,2,3],"p":{"k":"w"},"first":1}"""), result), result.ToJsonString());
    }

    [Fact]
    public void Json_patch_on_a_missing_path_is_422()
    {
        var error = Assert.Throws<ApiException>(() => JsonPatch.Apply(JsonNode.Parse("{}")!, JsonNode.Parse("""[{"op":"remove","path":"/nope"}]""")));

        Assert.Equal(422, error.Code);
    }

    [Fact]
    public void Strategic_merge_patch_drops_directives()
    {
        var result = StrategicMergePatch.Apply(JsonNode.Parse("""{"data":{"a":"1"}}"""),
            JsonNode.Parse("""{"$setElementOrder/x":[],"data":{"$patch":"merge","b":"2"}}"""));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"data":{"a":"1","b":"2"}}"""), result), result!.ToJsonString());
    }
}

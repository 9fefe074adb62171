using NLua;

using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Install;

public sealed class LuaLiteralTests
{
    private static object[] Evaluate(string yaml, string expression)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var lua = new Lua();
        lua.DoString("obj = " + LuaLiteral.From(stream.Documents[0].RootNode));
        return lua.DoString("return " + expression);
    }

    [Fact]
    public void Plain_scalars_keep_their_json_types_and_quoted_ones_stay_strings()
    {
        const string yaml = """
            generation: 3
            ratio: 0.5
            shared: false
            quotedBool: "true"
            quotedNumber: "+12015550101"
            nothing: null
            """;

        Assert.Equal(
            new object[] { "number", 3L, "number", "boolean", "string", "string", true },
            Evaluate(yaml, "type(obj.generation), obj.generation, type(obj.ratio), type(obj.shared), type(obj.quotedBool), type(obj.quotedNumber), obj.nothing == nil"));
    }

    [Fact]
    public void Sequences_are_one_based_arrays_and_strings_keep_quotes_backslashes_and_newlines()
    {
        const string yaml = """
            conditions:
            - type: Ready
            - type: "say \"hi\" \\ then\nbye"
            """;

        Assert.Equal(
            new object[] { 2L, "Ready", "say \"hi\" \\ then\nbye" },
            Evaluate(yaml, "#obj.conditions, obj.conditions[1].type, obj.conditions[2].type"));
    }
}

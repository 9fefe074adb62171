using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Tests.Api;

/// <summary>Every field rule with values it accepts and values it rejects.</summary>
public sealed class FieldRuleTests
{
    private static readonly Dictionary<string, (string[] Valid, string[] Invalid)> StringExamples = new()
    {
        [nameof(FieldRules.Identifier)] = (["checkout-prod", "a", "A.b_c~d-9", new string('x', 255)], ["", "checkout prod", "ids/1", "caf\u00e9", new string('x', 256), "id\n"]),
        [nameof(FieldRules.DisplayName)] = (["Checkout (production)", new string('x', 255)], ["", new string('x', 256)]),
        [nameof(FieldRules.ObjectName)] = (["main-line", "a.b-c", "x"], ["", "Main-Line", "main_line", "-main", "main-", new string('a', 254)]),
        [nameof(FieldRules.DnsName)] = (["mail.shop.example", "a-b.example", new string('a', 63) + ".example"], ["Mail.example", "mail_shop.example", ".example", "mail..example", new string('a', 64) + ".example"]),
        [nameof(FieldRules.PhoneNumber)] = (["+12015550101", "+44123456", "123", "12345678", "+123456789012345"], ["12015550101", "+1234567", "+1234567890123456", "12", "+1 201 555 0101", "55123\n"]),
        [nameof(FieldRules.E164)] = (["+12015550101", "+12345678"], ["55123", "12015550101", "+1234567"]),
        [nameof(FieldRules.ShortCode)] = (["123", "55123", "12345678"], ["12", "123456789", "+55123"]),
        [nameof(FieldRules.AlphaSender)] = (["SHOPCO", "Shop Co 1", "abc", "A1234567890"], ["SH", "123456", "   ", "SHOP-CO", "ABCDEFGHIJKL", "SHOP\u00c9"]),
        [nameof(FieldRules.CountryCode)] = (["US", "GB"], ["us", "USA", "U", "U1"]),
        [nameof(FieldRules.Keyword)] = (["STOP", "join", "caf\u00e9", new string('k', 50)], ["", "STOP NOW", "STOP\tNOW", " STOP", new string('k', 51)]),
        [nameof(FieldRules.ChatAppSenderId)] = (["447860099299", "shop_co"], ["", "shop co", new string('s', 256)]),
        [nameof(FieldRules.ConditionType)] = (["Ready", "cpaasx.io/Synced"], ["", "not ready", "-Ready"]),
        [nameof(FieldRules.ConditionReason)] = (["Resolved", "DefaultNotAllowedOnSharedNumber", "A"], ["", "not resolved", "1Resolved", "Resolved-"]),
        [nameof(FieldRules.ConditionMessage)] = (["", "ACME not found"], [new string('m', 32769)]),
    };

    private static readonly Dictionary<string, (long[] Valid, long[] Invalid)> NumberExamples = new()
    {
        [nameof(FieldRules.SenderPriority)] = ([1, 2, 4], [0, 5, -1]),
        [nameof(FieldRules.Generation)] = ([0, 1, long.MaxValue], [-1]),
    };

    public static TheoryData<string, string> ValidStrings() => Flatten(StringExamples, example => example.Valid);

    public static TheoryData<string, string> InvalidStrings() => Flatten(StringExamples, example => example.Invalid);

    [Theory]
    [MemberData(nameof(ValidStrings))]
    public void Accepts(string rule, string value) => Assert.Empty(FieldRules.Named(rule).Check(value));

    [Theory]
    [MemberData(nameof(InvalidStrings))]
    public void Rejects(string rule, string value) => Assert.NotEmpty(FieldRules.Named(rule).Check(value));

    [Fact]
    public void Numeric_rules_check_their_range()
    {
        foreach ((var rule, (var valid, var invalid)) in NumberExamples)
        {
            Assert.All(valid, value => Assert.Empty(FieldRules.Named(rule).Check(value)));
            Assert.All(invalid, value => Assert.NotEmpty(FieldRules.Named(rule).Check(value)));
        }
    }

    [Fact]
    public void Every_field_rule_has_examples_both_ways()
    {
        Assert.Equal(
            FieldRules.All.Keys.Order(StringComparer.Ordinal),
            StringExamples.Keys.Concat(NumberExamples.Keys).Order(StringComparer.Ordinal));
        Assert.All(StringExamples.Values, example => Assert.True(example.Valid.Length > 0 && example.Invalid.Length > 0));
    }

    [Fact]
    public void Cel_pattern_rule_escapes_backslashes_for_a_cel_string_literal()
    {
        Assert.Equal(@"self.matches('^\\S+$')", FieldRules.Keyword.CelPatternRule);
    }

    [Fact]
    public void Unknown_rule_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FieldRules.Named("NoSuchRule"));
    }

    private static TheoryData<string, string> Flatten(
        Dictionary<string, (string[] Valid, string[] Invalid)> examples, Func<(string[] Valid, string[] Invalid), string[]> pick)
    {
        TheoryData<string, string> data = [];
        foreach ((var rule, var example) in examples)
        {
            foreach (var value in pick(example))
            {
                data.Add(rule, value);
            }
        }

        return data;
    }
}

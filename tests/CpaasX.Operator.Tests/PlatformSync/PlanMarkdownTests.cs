using CpaasX.Operator.Diff;
using CpaasX.Operator.PlatformSync;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>The plan as plan.md: the Event's summary line, then its tables in the routing diff's format.</summary>
public sealed class PlanMarkdownTests
{
    [Fact]
    public void A_plan_is_its_summary_then_its_operations_in_order_the_objects_left_alone_and_those_not_synced()
    {
        SyncPlan plan = new(
            [
                new(PlanAction.Create, PlatformKind.Application, "check|out", "Application/check|out", new PlatformNamed("check|out", null), "not on the account"),
                new(PlanAction.Delete, PlatformKind.Association, "SMS ALPHA -> old", null, new PlatformNamed("old", null), "prune\non"),
            ],
            [(PlatformKind.Entity, "ALPHA", "Entity/alpha", null)],
            ["Application legacy: on the account, not in Git (not managed here; never deleted)"],
            [("Association/webrtc-push", "not synced: no platform API")],
            InSync: 3,
            new Dictionary<string, string>());

        var markdown = PlanMarkdown.Of(plan, PlatformSyncMode.Plan);

        Assert.Equal(
            """
            ### CPaaS X platform sync plan

            **Plan mode, nothing is written to the platform:** 1 to create, 0 to update, 1 to delete, 3 in sync, 1 left alone, 1 not synced.

            **Operations** (2; in the order they are made)

            | action | kind | platform key | declaring object | why |
            |---|---|---|---|---|
            | Create | Application | check\|out | Application/check\|out | not on the account |
            | Delete | Association | SMS ALPHA -> old | - | prune on |

            **Adopted** (1; already on the account as declared)

            | kind | platform key | declaring object |
            |---|---|---|
            | Entity | ALPHA | Entity/alpha |

            **Left alone** (1; on the account, not written)

            | object and why |
            |---|
            | Application legacy: on the account, not in Git (not managed here; never deleted) |

            **Not synced** (1)

            | object | why |
            |---|---|
            | Association/webrtc-push | not synced: no platform API |

            """.ReplaceLineEndings("\n"),
            markdown);
    }

    [Fact]
    public void A_long_table_is_cut_at_the_row_cap_with_a_count_of_the_rest_and_an_empty_one_is_left_out()
    {
        SyncPlan plan = new(
            [.. Enumerable.Range(0, MarkdownTable.MaxRows + 5).Select(index =>
                new PlannedOperation(PlanAction.Create, PlatformKind.Application, $"app-{index:D2}", $"Application/app-{index:D2}", new PlatformNamed($"app-{index:D2}", null), "not on the account"))],
            [], [], [], InSync: 0, new Dictionary<string, string>());

        var lines = PlanMarkdown.Of(plan, PlatformSyncMode.Apply).Split('\n');

        Assert.Equal("**Apply mode:** 25 to create, 0 to update, 0 to delete, 0 in sync, 0 left alone, 0 not synced.", lines[2]);
        var rows = lines.Where(line => line.StartsWith("| Create ", StringComparison.Ordinal)).ToList();
        Assert.Equal(MarkdownTable.MaxRows, rows.Count);
        Assert.StartsWith($"| Create | Application | app-{MarkdownTable.MaxRows - 1:D2} |", rows[^1], StringComparison.Ordinal);
        Assert.Contains("… and 5 more (not listed here).", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("**Adopted**", StringComparison.Ordinal) || line.StartsWith("**Not synced**", StringComparison.Ordinal));
    }
}

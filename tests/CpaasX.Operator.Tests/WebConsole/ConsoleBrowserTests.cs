using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Tests.Support;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace CpaasX.Operator.Tests.WebConsole;

/// <summary>
/// The console in a real browser over the embedded API server with the environments and inbound samples: the
/// Resources page and its filters, live updates, applications and entities, a resource's associations, their removal,
/// associating and setting application and entity (as the admin, and refused for the read-only viewer), Needs
/// attention, the YAML view and escaping. Each test writes its page's screenshot to docs/console/.
/// </summary>
[Trait(EndToEndTraits.Category, ConsoleTraits.Browser)]
public sealed class ConsoleBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>, IAsyncLifetime
{
    private ConsoleTestCluster Cluster => browser.Cluster;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Each test's pages close after it, as a user closes tabs: every open live page holds a connection.</summary>
    public async Task DisposeAsync()
    {
        foreach (var page in browser.Admin.Pages.Concat(browser.Viewer.Pages).ToList())
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Resources_page_lists_the_samples_and_the_type_toggles_and_text_filter_narrow_it()
    {
        var page = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, "/");
        var rows = page.Locator("#resources tbody tr");
        await Expect(rows).ToHaveCountAsync(10);
        await Expect(rows.Filter(new() { HasText = "+12015550103" })).ToContainTextAsync(["SMS, MMS, VOICE"]);
        await ConsoleBrowser.ScreenshotAsync(page, "resources");

        // Only the Alphanumeric toggle on: the three alphanumeric senders.
        foreach (var label in new[] { "Number", "Email domain", "Chat app", "WebRTC" })
        {
            await page.GetByLabel(label, new() { Exact = true }).UncheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows).ToContainTextAsync(["SHOPDEV", "SHOPCO", "SHOPSTAGE"]);

        // Every type again, and the text filter on names: prod-line-1, prod-line-2 and prod-alpha.
        await page.GotoAsync(new Uri(Cluster.Admin.Address, "/").ToString());
        await page.GetByPlaceholder("value or name").FillAsync("prod");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);

        // And on values.
        await page.GetByPlaceholder("value or name").FillAsync("13125550121");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync(["support-line"]);
    }

    [Fact]
    public async Task A_resource_applied_with_kubectl_appears_on_the_open_resources_page_without_a_reload_and_goes_when_deleted()
    {
        var page = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, "/");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        // The page is live once its event stream has opened the watches (the navigation bar says so).
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        var row = page.Locator("#resources tbody tr", new() { HasText = "+12015550199" });
        await Expect(row).ToHaveCountAsync(0);

        await Cluster.Kubectl.Ok("apply -f -", """
            apiVersion: cpaasx.io/v1alpha1
            kind: Resource
            metadata: {name: live-line, namespace: shop}
            spec: {type: NUMBER, number: {number: "+12015550199", numberType: VIRTUAL_LONG_NUMBER, country: US, capabilities: [SMS]}}
            """);
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = LiveTimeoutMilliseconds });
        await ConsoleBrowser.ScreenshotAsync(page, "resources-live");

        await Cluster.Kubectl.Ok("delete resource live-line -n shop");
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = LiveTimeoutMilliseconds });
        Assert.Equal(0, navigations);
    }

    /// <summary>The bound for a change in the cluster to show on an open page.</summary>
    private const float LiveTimeoutMilliseconds = 2_000;

    [Fact]
    public async Task Removing_an_association_through_the_confirmation_deletes_it_from_the_cluster_and_the_routing_table()
    {
        var explorer = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, VoiceQuestion);
        await Expect(explorer.Locator("#answer")).ToContainTextAsync("Goes to application checkout-prod, from ResourceAssociation/prod-line-1-voice.");
        await ConsoleBrowser.ScreenshotAsync(explorer, "routing-explorer");

        var page = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, "/resources/shop/prod-line-1");
        var associations = page.Locator("#associations tbody tr");
        await Expect(associations).ToHaveCountAsync(3);
        await Expect(page.Locator("#sentence")).ToContainTextAsync("number +12015550103 in US, for SMS, MMS, VOICE");
        await ConsoleBrowser.ScreenshotAsync(page, "resource");

        await page.Locator("tr[data-association='prod-line-1-voice'] a.remove").ClickAsync();
        await Expect(page.Locator("form.confirm")).ToContainTextAsync("Remove association prod-line-1-voice");
        await ConsoleBrowser.ScreenshotAsync(page, "remove-confirmation");
        Assert.Equal(0, (await Cluster.Kubectl.Run("get resourceassociation prod-line-1-voice -n shop")).ExitCode);

        await page.Locator("#confirm-remove").ClickAsync();
        await Expect(page.Locator("p.notice")).ToContainTextAsync("Association prod-line-1-voice removed.");
        var gone = await Cluster.Kubectl.Run("get resourceassociation prod-line-1-voice -n shop");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFound", gone.Stderr, StringComparison.Ordinal);

        // The operator republishes the table without it: the explorer's answer changes.
        await OperatorCluster.EventuallyAsync(
            async () =>
            {
                await explorer.ReloadAsync();
                return !(await explorer.Locator("#answer").InnerTextAsync()).Contains("prod-line-1-voice", StringComparison.Ordinal);
            },
            "the explorer no longer routes voice on +12015550103 through prod-line-1-voice");
        await Expect(explorer.Locator("#answer")).ToContainTextAsync("No route");
    }

    /// <summary>Inbound voice on prod-line-1, asked in the routing explorer.</summary>
    private const string VoiceQuestion = "/routing?direction=inbound&namespace=shop&number=%2B12015550103&channel=VOICE";

    [Fact]
    public async Task The_read_only_viewer_sees_the_remove_refused_in_plain_words()
    {
        var page = await ConsoleBrowser.OpenAsync(browser.Viewer, Cluster.Viewer, "/resources/shop/staging-line");
        await page.Locator("tr[data-association='staging-line-sms'] a.remove").ClickAsync();
        await page.Locator("#confirm-remove").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You may not remove association staging-line-sms: the cluster refused it for your identity (403 Forbidden)");
        await ConsoleBrowser.ScreenshotAsync(page, "remove-refused");
        Assert.Equal(0, (await Cluster.Kubectl.Run("get resourceassociation staging-line-sms -n shop")).ExitCode);
    }

    [Fact]
    public async Task Applications_and_entities_show_each_ones_resources_by_channel_and_the_number_level_routing()
    {
        var page = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, "/applications");

        // Environments: each application sends from its own senders.
        var dev = page.Locator("#by-application tr[data-application='checkout-dev']");
        await Expect(dev).ToContainTextAsync("Checkout (development)");
        await Expect(dev.Locator("li[data-channel='SMS']")).ToContainTextAsync("+12015550101");
        await Expect(dev.Locator("li[data-channel='SMS']")).ToContainTextAsync("SHOPDEV");
        await Expect(page.Locator("#by-application tr[data-application='checkout-prod'] li[data-channel='MMS']")).ToHaveTextAsync("MMS: +12015550103");

        // The support number's number-level routing names support-bot.
        await Expect(page.Locator("#by-application tr[data-application='support-bot'] td").Nth(4)).ToHaveTextAsync("+13125550121");

        // The pair-level email association: under the entity (with its application) and under the pair.
        await Expect(page.Locator("#by-entity tr[data-entity='retail'] li[data-channel='EMAIL']")).ToContainTextAsync("(with billing)");
        await Expect(page.Locator("#by-pair tr[data-pair='billing/retail'] li[data-channel='EMAIL']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#by-entity tr[data-entity='wholesale']")).ToContainTextAsync("none");
        await ConsoleBrowser.ScreenshotAsync(page, "applications");

        // A value links to its resource's page.
        await dev.GetByRole(AriaRole.Link, new() { Name = "+12015550101" }).ClickAsync();
        await Expect(page.Locator("#value")).ToHaveTextAsync("+12015550101");
    }

    [Fact]
    public async Task Associating_a_resource_from_its_page_creates_the_association_kubectl_sees()
    {
        var page = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, "/resources/shop/staging-line");
        // A number with SMS and MMS is offered exactly those channels.
        await Expect(page.GetByLabel("Channel").Locator("option")).ToHaveTextAsync(["SMS", "MMS"]);
        await page.GetByLabel("Channel").SelectOptionAsync("MMS");
        await page.Locator("form.change").First.GetByLabel("Application").SelectOptionAsync("checkout-staging");
        await page.Locator("#associate").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Association staging-line-mms-checkout-staging created.");
        var created = await Cluster.Kubectl.Ok(
            "get resourceassociation staging-line-mms-checkout-staging -n shop -o jsonpath={.spec.resourceRef.name},{.spec.channel},{.spec.applicationRef.name}");
        Assert.Equal("staging-line,MMS,checkout-staging", created.Stdout.Trim());
        // The operator resolves it; the open page shows it Ready without a reload.
        await Expect(page.Locator("tr[data-association='staging-line-mms-checkout-staging']")).ToContainTextAsync("Ready");
        await ConsoleBrowser.ScreenshotAsync(page, "associate");
    }

    [Fact]
    public async Task Number_level_and_inbound_configuration_application_and_entity_are_set_from_the_resource_page()
    {
        var page = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, "/resources/helpdesk/promo-shortcode");
        var numberLevel = page.Locator("form.change", new() { Has = page.Locator("#set-number-routing") });
        await numberLevel.GetByLabel("Application").SelectOptionAsync("marketing");
        await numberLevel.GetByLabel("Entity").SelectOptionAsync("wholesale");
        await page.Locator("#set-number-routing").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Application and entity of promo-shortcode set.");
        Assert.Equal("marketing,wholesale", (await Cluster.Kubectl.Ok(
            "get resource promo-shortcode -n helpdesk -o jsonpath={.spec.applicationRef.name},{.spec.entityRef.name}")).Stdout.Trim());

        var inbound = page.Locator("form.change", new() { Has = page.Locator("#set-inbound-routing") });
        await inbound.GetByLabel("Configuration").SelectOptionAsync("promo-deals");
        await inbound.GetByLabel("Application").SelectOptionAsync("billing");
        await inbound.GetByLabel("Entity").SelectOptionAsync("");
        await page.Locator("#set-inbound-routing").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Application and entity of promo-deals set.");
        // The entity chosen as none is cleared, not left as it was.
        Assert.Equal("billing,", (await Cluster.Kubectl.Ok(
            "get inboundconfiguration promo-deals -n helpdesk -o jsonpath={.spec.applicationRef.name},{.spec.entityRef.name}")).Stdout.Trim());
        await ConsoleBrowser.ScreenshotAsync(page, "set-routing");
    }

    [Fact]
    public async Task The_read_only_viewer_sees_associating_refused_in_plain_words_and_nothing_is_created()
    {
        var page = await ConsoleBrowser.OpenAsync(browser.Viewer, Cluster.Viewer, "/resources/shop/dev-line");
        await page.GetByLabel("Channel").SelectOptionAsync("MMS");
        await page.Locator("#associate").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(
            "You may not create association dev-line-mms: the cluster refused it for your identity (403 Forbidden). Ask for the right to create resourceassociations in namespace shop.");
        var absent = await Cluster.Kubectl.Run("get resourceassociation dev-line-mms -n shop");
        Assert.Contains("NotFound", absent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Needs_attention_groups_the_objects_that_are_not_ready_by_reason()
    {
        await Cluster.Kubectl.Ok("apply -f -", """
            apiVersion: cpaasx.io/v1alpha1
            kind: ResourceAssociation
            metadata: {name: dev-line-to-nowhere, namespace: shop}
            spec: {resourceRef: {name: dev-line}, channel: MMS, applicationRef: {name: no-such-app}}
            """);
        await Cluster.Kubectl.Ok("wait resourceassociation dev-line-to-nowhere -n shop --for=condition=Ready=False --timeout=30s");

        var page = await ConsoleBrowser.OpenAsync(browser.Admin, Cluster.Admin, "/attention");
        var group = page.Locator("h2", new() { HasText = ConditionReasons.ReferenceNotFound });
        await Expect(group).ToHaveCountAsync(1);
        await Expect(page.Locator("table.attention")).ToContainTextAsync(["shop/dev-line-to-nowhere"]);
        await ConsoleBrowser.ScreenshotAsync(page, "needs-attention");
    }

    [Fact]
    public async Task An_application_name_holding_markup_shows_as_text_in_the_yaml_view()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        await Cluster.Kubectl.Ok("apply -f -", $$"""
            apiVersion: cpaasx.io/v1alpha1
            kind: Application
            metadata: {name: markup-app, namespace: shop}
            spec: {applicationName: "{{Markup}}"}
            """);
        var page = await browser.Admin.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => dialogs++;
        await page.GotoAsync(new Uri(Cluster.Admin.Address, "/yaml/applications/shop/markup-app").ToString());

        await Expect(page.Locator("#yaml")).ToContainTextAsync(Markup);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(0, dialogs);
        await ConsoleBrowser.ScreenshotAsync(page, "yaml");
    }
}

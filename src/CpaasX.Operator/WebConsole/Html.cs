using System.Text.Encodings.Web;

namespace CpaasX.Operator.WebConsole;

/// <summary>The console's page frame and its one escaping rule: everything taken from the cluster goes through <see cref="Text"/>.</summary>
internal static class Html
{
    public const string StylesheetPath = "/console.css";

    /// <summary>Text (names, values, reasons, messages a user wrote) as HTML, markup characters escaped.</summary>
    public static string Text(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A path segment of a link, escaped for the URL and then for HTML.</summary>
    public static string Segment(string text) => Text(Uri.EscapeDataString(text));

    public static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{Text(title)} · CPaaS X console</title>
        <link rel="stylesheet" href="{StylesheetPath}">
        <script src="{LiveScript.Path}" defer></script>
        </head>
        <body>
        <nav><strong>CPaaS X</strong> <a href="/">Resources</a> <a href="/applications">Applications and entities</a> <a href="/attention">Needs attention</a> <a href="/routing">Routing explorer</a> <span id="live-status"></span></nav>
        <main>
        <h1>{Text(title)}</h1>
        {body}
        </main>
        </body>
        </html>
        """;

    /// <summary>Ready, not Ready, or not yet reconciled, as a badge.</summary>
    public static string Readiness(string? status) => status switch
    {
        "True" => "<span class=\"ready\">Ready</span>",
        "False" => "<span class=\"not-ready\">Not ready</span>",
        _ => "<span class=\"unknown\">Unknown</span>",
    };

    public const string Stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; }
        nav { background: #1d2330; color: #fff; padding: .6em 1em; }
        nav a { color: #cfe0ff; margin-left: 1em; }
        main { padding: 1em 2em; }
        table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
        th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #dde; vertical-align: top; }
        th { background: #f2f4f8; }
        form.change { display: flex; gap: 1em; align-items: center; flex-wrap: wrap; margin-bottom: 1em; }
        form.filters { display: flex; gap: 1em; align-items: center; flex-wrap: wrap; margin-bottom: 1em; }
        .ready { color: #106b21; font-weight: 600; }
        .not-ready { color: #a4161a; font-weight: 600; }
        .unknown { color: #6b6b6b; }
        .error { background: #fde8e8; border: 1px solid #a4161a; padding: .6em 1em; }
        .notice { background: #e8f4fd; border: 1px solid #1d5fa4; padding: .6em 1em; }
        pre { background: #f6f8fa; padding: 1em; overflow: auto; }
        button { cursor: pointer; }
        td ul { margin: 0; padding-left: 1.1em; }
        #live-status { float: right; color: #9fe0a8; }
        """;
}

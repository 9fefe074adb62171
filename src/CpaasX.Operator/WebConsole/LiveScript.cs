namespace CpaasX.Operator.WebConsole;

/// <summary>
/// The console's one script, served from the binary (the Content-Security-Policy allows scripts from the console
/// itself only, never inline): on a page with live parts (elements marked <c>data-live</c>, each with an id) it listens
/// to <see cref="LiveEvents"/> and, on a change, fetches the same page again and swaps in its live parts, so the filters
/// a user is typing in stay as they are. Only a page in view listens. <c>html[data-live]</c> and the navigation bar
/// say whether it is connected.
/// </summary>
internal static class LiveScript
{
    public const string Path = "/console.js";

    public const string Source = """
        "use strict";
        (() => {
          const liveParts = () => document.querySelectorAll("[data-live][id]");
          if (liveParts().length === 0) {
            return;
          }

          const root = document.documentElement;
          const status = document.getElementById("live-status");
          const show = (state, text) => {
            root.dataset.live = state;
            if (status) {
              status.textContent = text;
            }
          };

          // The page as the server renders it now; the live parts of the open page replaced by their new versions.
          const refresh = async () => {
            const answer = await fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
            if (!answer.ok) {
              return;
            }

            const fresh = new DOMParser().parseFromString(await answer.text(), "text/html");
            for (const part of liveParts()) {
              const replacement = fresh.getElementById(part.id);
              if (replacement) {
                part.replaceWith(document.adoptNode(replacement));
              }
            }
          };

          // Refreshes run one after another; a burst of changes (an object and then its status) is one refresh.
          let queue = Promise.resolve();
          let pending = null;
          const enqueue = () => (queue = queue.then(refresh).catch(() => undefined));
          const schedule = () => {
            if (pending === null) {
              pending = setTimeout(() => {
                pending = null;
                enqueue();
              }, 100);
            }
          };

          // A browser keeps about six connections per server over HTTP/1.1 and each stream holds one: only a page
          // in view listens, so tabs in the background never starve the console's pages of connections.
          let events = null;
          const connect = () => {
            if (events !== null || document.hidden) {
              return;
            }

            events = new EventSource("/events");
            // Once the watches are open, one refresh covers whatever changed while the page was not listening.
            events.addEventListener("ready", () => enqueue().then(() => show("on", "Live")));
            events.addEventListener("change", schedule);
            events.addEventListener("error", () => show("off", "Reconnecting…"));
          };
          const disconnect = () => {
            if (events !== null) {
              events.close();
              events = null;
              show("off", "Paused");
            }
          };
          document.addEventListener("visibilitychange", () => (document.hidden ? disconnect() : connect()));
          window.addEventListener("pagehide", disconnect);
          window.addEventListener("pageshow", connect);
          connect();
        })();
        """;
}

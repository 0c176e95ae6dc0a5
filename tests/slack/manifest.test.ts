/** slack/manifest.yaml matches what the code listens to and uses. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { COMMAND } from "../../src/channels/slack/listeners/commands.js";
import { ASK_SHORTCUT } from "../../src/channels/slack/listeners/shortcuts.js";
import { SLACK_EVENTS_PATH } from "../../src/channels/slack/index.js";

const manifest = parse(readFileSync("slack/manifest.yaml", "utf8"));
const source = [
  "listeners/messages.ts",
  "listeners/assistant.ts",
  "listeners/actions.ts",
  "listeners/views.ts",
  "listeners/commands.ts",
  "listeners/home.ts",
  "runtime.ts",
  "stream.ts",
  "notifier.ts",
]
  .map((f) => readFileSync(`src/channels/slack/${f}`, "utf8"))
  .join("\n");

describe("slack/manifest.yaml", () => {
  it("sends events, commands and interactivity to the one endpoint", () => {
    const url = `https://VOTRE-DOMAINE${SLACK_EVENTS_PATH}`;
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: COMMAND, url })]);
  });

  it("subscribes to the events the listeners handle", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [
        "app_home_opened",
        "app_mention",
        "assistant_thread_context_changed",
        "assistant_thread_started",
        "message.channels",
        "message.groups",
        "message.im",
      ].sort(),
    );
    expect(manifest.features.assistant_view.assistant_description).toBeTruthy();
    // The App Home is published on app_home_opened.
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(source).toContain('"app_home_opened"');
    expect(source).toContain("views.publish");
  });

  it("declares the message shortcut the code registers", () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: "message", callback_id: ASK_SHORTCUT })]);
  });

  it("asks only for the scopes it uses", () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    expect([...scopes].sort()).toEqual([
      "app_mentions:read",
      "assistant:write",
      "channels:history",
      "chat:write",
      "commands",
      "groups:history",
      "im:history",
      "im:write",
    ]);
    // The history scopes only bring the messages of threads the app answered in: it never reads a channel's history.
    expect(source).not.toMatch(/conversations\.(history|replies)|users\.(info|list)/);
  });
});

/** config/channels.yaml loading (slack section) and Slack settings from the environment. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ChannelConfigError, loadChannelConfig, slackSettingsFromEnv } from "../../src/channels/slack/config.js";

const dir = mkdtempSync(path.join(tmpdir(), "slack-config-"));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("loadChannelConfig", () => {
  it("loads the committed example", async () => {
    const c = await loadChannelConfig(path.resolve("config/channels.example.yaml"));
    expect(c.audienceMap).toMatchObject({ C0123AGENTS: "agent", C0456PORTEUR: "porteur" });
    expect(c.handoffTargets.default).toEqual({ slack: "C0789EQUIPEESS" });
    expect(c.handoffTargets.dla).toEqual({ slack: "C0ABCDLA" });
  });

  it("gives an empty configuration when the file is missing", async () => {
    expect(await loadChannelConfig(path.join(dir, "absent.yaml"))).toEqual({ audienceMap: {}, handoffTargets: {} });
  });

  it("ignores other channels' sections", async () => {
    const p = write("teams.yaml", "teams:\n  anything: [1, 2]\nslack:\n  channels:\n    CABC123: agent\n");
    expect((await loadChannelConfig(p)).audienceMap).toEqual({ CABC123: "agent" });
  });

  it("names every problem of an invalid file", async () => {
    const p = write("bad.yaml", "slack:\n  channels:\n    general: agent\n    CABC123: admin\n  handoff:\n    inconnu: CABC123\n");
    const err = await loadChannelConfig(p).catch((e) => e);
    expect(err).toBeInstanceOf(ChannelConfigError);
    expect(err.message).toContain(p);
    expect(err.message).toMatch(/general/);
    expect(err.message).toMatch(/CABC123/);
    expect(err.message).toMatch(/inconnu/);
  });

  it("reports broken YAML clearly", async () => {
    const p = write("broken.yaml", "slack: [\n");
    await expect(loadChannelConfig(p)).rejects.toThrow(/YAML/);
  });
});

describe("slackSettingsFromEnv", () => {
  it("is disabled, with the way to enable it, without both secrets", () => {
    const s = slackSettingsFromEnv({ SLACK_BOT_TOKEN: "xoxb-1" });
    expect(s).toMatchObject({ enabled: false });
    expect(!s.enabled && s.reason).toMatch(/SLACK_SIGNING_SECRET/);
  });

  it("reads the secrets, the optional app token and API URL", () => {
    expect(
      slackSettingsFromEnv({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_API_URL: "http://127.0.0.1:9/api/" }),
    ).toEqual({
      enabled: true,
      signingSecret: "s",
      botToken: "xoxb-1",
      appToken: "xapp-1",
      apiUrl: "http://127.0.0.1:9/api/",
      channelsConfig: "config/channels.yaml",
    });
  });

  it("rejects a token of the wrong kind", () => {
    expect(() => slackSettingsFromEnv({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxp-user" })).toThrow(/xoxb-/);
  });
});

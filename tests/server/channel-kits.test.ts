/** The service loads the code of a channel (Bolt, botbuilder) only when its configuration turns that channel on. */
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { channelsOn, ChannelSetupError, createChannels, loadChannelKits } from "../../src/server/channels.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { tempDir, testConfig } from "./helpers.js";

const tmp = tempDir("relais-kits-");
afterAll(() => tmp.remove());

const SLACK = { SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef", SLACK_BOT_TOKEN: "xoxb-1-2-abc" };

describe("channel kits", () => {
  it("without Slack settings, Slack's code is not loaded; Teams (anonymous outside production) is", async () => {
    const config = testConfig(tmp.dir);
    expect(channelsOn(config)).toEqual({ slack: false, teams: true });
    const kits = await loadChannelKits(config);
    expect(kits.slack).toBeUndefined();
    expect(typeof kits.teams?.createTeamsChannel).toBe("function");
  });

  it("with Slack settings, Slack's code is loaded", async () => {
    const config = testConfig(tmp.dir, SLACK);
    expect(channelsOn(config).slack).toBe(true);
    const kits = await loadChannelKits(config);
    expect(typeof kits.slack?.createSlackChannel).toBe("function");
  });

  it("a channel that is on but whose code was not loaded is a clear setup error, not a crash later", async () => {
    const config = testConfig(tmp.dir, SLACK);
    const storage = new MemoryStorage();
    const assistant = { storage, registerNotifier: () => {} } as never;
    const make = () =>
      createChannels({ assistant, storage, config, channelsFile: { audienceMap: {}, handoffTargets: {} }, logger: pino({ level: "silent" }), kits: {} });
    expect(make).toThrow(ChannelSetupError);
    expect(make).toThrow(/Slack : le code du canal n'a pas été chargé/);
  });
});

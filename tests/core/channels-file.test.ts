/** config/channels.yaml: Slack and Teams sections merged into one set of handoff targets. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { loadChannelsFile } from "../../src/server/channels.js";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function configWith(yaml: string | null) {
  const dir = mkdtempSync(path.join(tmpdir(), "relais-channels-"));
  made.push(dir);
  const file = path.join(dir, "channels.yaml");
  if (yaml !== null) writeFileSync(file, yaml);
  return loadConfig({ NODE_ENV: "test", CHANNELS_CONFIG: file } as NodeJS.ProcessEnv, { dotenv: false });
}

describe("channels file", () => {
  it("merges Slack and Teams handoff targets and reads team audiences", async () => {
    const cfg = configWith(
      [
        "slack:",
        "  channels: { C0123AGENTS: agent }",
        "  handoff: { default: C0789ESS, dla: C0ABCDLA }",
        "teams:",
        "  teams: { 'team-1': porteur }",
        "  handoff: { default: '19:ess@thread.tacv2', dla: '19:dla@thread.tacv2' }",
      ].join("\n"),
    );
    const f = await loadChannelsFile(cfg);
    expect(f.audienceMap).toEqual({ C0123AGENTS: "agent" });
    expect(f.teamAudience).toEqual({ "team-1": "porteur" });
    expect(f.handoffTargets.dla).toEqual({ slack: "C0ABCDLA", teams: "19:dla@thread.tacv2" });
    expect(f.handoffTargets.default).toEqual({ slack: "C0789ESS", teams: "19:ess@thread.tacv2" });
  });

  it("reads who may see the report in Teams (nobody when the section is absent)", async () => {
    const f = await loadChannelsFile(configWith(["teams:", "  agents:", "    tenants: [tenant-1]", "    users: [aad-boss]"].join("\n")));
    expect(f.teamsAgents).toEqual({ tenants: ["tenant-1"], teams: [], users: ["aad-boss"] });
    expect((await loadChannelsFile(configWith(null))).teamsAgents).toEqual({ tenants: [], teams: [], users: [] });
    await expect(loadChannelsFile(configWith("teams:\n  agents: { roles: [x] }\n"))).rejects.toThrow(/section teams/);
  });

  it("rejects an invalid Teams section with a clear message, and accepts a missing file", async () => {
    await expect(loadChannelsFile(configWith("teams:\n  teams: { t1: chef }\n"))).rejects.toThrow(/section teams/);
    const empty = await loadChannelsFile(configWith(null));
    expect(empty.handoffTargets).toEqual({});
    expect(empty.teamAudience).toEqual({});
  });
});

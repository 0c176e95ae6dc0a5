/**
 * The weekly digest: its slots in Paris time, and the real service with a fake
 * clock (no real waiting) and the fake Slack Web API — enabled, one post with
 * the summary in the handoff channel at the scheduled time, then the next week
 * armed, and nothing left once the service stops; disabled (the default),
 * nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConfigProblems, loadConfig } from "../../src/config/env.js";
import { type Clock, DigestScheduler, nextDigestAt } from "../../src/report/digest.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { seededSqlite } from "../report/seed.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { waitFor } from "../support/slack-requests.js";
import { startService, tempDir, testConfig } from "./helpers.js";

const HANDOFF_CHANNEL = "CHANDOFF01";

class FakeClock implements Clock {
  timers: { fn: () => void; at: number }[] = [];
  constructor(public t: number) {}
  now = () => new Date(this.t);
  setTimeout = (fn: () => void, ms: number) => {
    const h = { fn, at: this.t + ms };
    this.timers.push(h);
    return h;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((x) => x !== h);
  };
  /** Moves the time to `iso` and runs the timers due by then. */
  advanceTo(iso: string) {
    this.t = new Date(iso).getTime();
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due) x.fn();
  }
}

describe("digest and report link configuration", () => {
  const load = (extra: Record<string, string>) => loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...extra }, { dotenv: false });

  it("is off by default, Monday 9 h, no public address", () => {
    const c = load({});
    expect(c.digest).toEqual({ enabled: false, day: 1, hour: 9 });
    expect(c.publicBaseUrl).toBeUndefined();
  });

  it("reads French day names or 1–7, an hour 0–23, and a public address without its trailing slash", () => {
    expect(load({ DIGEST_ENABLED: "oui", DIGEST_DAY: "Vendredi", DIGEST_HOUR: "17" }).digest).toEqual({ enabled: true, day: 5, hour: 17 });
    expect(load({ DIGEST_ENABLED: "true", DIGEST_DAY: "7", DIGEST_HOUR: "0" }).digest).toEqual({ enabled: true, day: 7, hour: 0 });
    expect(load({ PUBLIC_BASE_URL: "https://relais.example.fr/outils/" }).publicBaseUrl).toBe("https://relais.example.fr/outils");
  });

  it("names each bad value in French", () => {
    const problems = (extra: Record<string, string>) => {
      try {
        load(extra);
        return [];
      } catch (err) {
        return (err as ConfigProblems).problems;
      }
    };
    expect(problems({ DIGEST_HOUR: "24" }).join()).toMatch(/DIGEST_HOUR/);
    expect(problems({ DIGEST_DAY: "funday" }).join()).toMatch(/DIGEST_DAY : doit être un jour de la semaine/);
    expect(problems({ DIGEST_ENABLED: "peut-être" }).join()).toMatch(/DIGEST_ENABLED : doit valoir true ou false/);
    expect(problems({ PUBLIC_BASE_URL: "ftp://relais.example.fr" }).join()).toMatch(/PUBLIC_BASE_URL doit commencer par https:\/\//);
  });
});

describe("digest slots (Paris time)", () => {
  it("Monday 9 h is 08:00 UTC in winter and 07:00 UTC in summer; a slot just past moves to the next week", () => {
    const monday9 = { day: 1, hour: 9 };
    expect(nextDigestAt(new Date("2025-03-09T12:00:00Z"), monday9).toISOString()).toBe("2025-03-10T08:00:00.000Z");
    expect(nextDigestAt(new Date("2025-06-01T12:00:00Z"), monday9).toISOString()).toBe("2025-06-02T07:00:00.000Z");
    expect(nextDigestAt(new Date("2025-03-10T08:00:00Z"), monday9).toISOString()).toBe("2025-03-17T08:00:00.000Z");
    // Across the change to summer time (30 March 2025).
    expect(nextDigestAt(new Date("2025-03-25T00:00:00Z"), monday9).toISOString()).toBe("2025-03-31T07:00:00.000Z");
    expect(nextDigestAt(new Date("2025-03-10T08:00:00Z"), { day: 5, hour: 17 }).toISOString()).toBe("2025-03-14T16:00:00.000Z");
  });

  it("a failing post is logged, never thrown, and the next week is still armed", async () => {
    const clock = new FakeClock(new Date("2025-03-09T12:00:00Z").getTime());
    const errors: unknown[] = [];
    const d = new DigestScheduler({
      schedule: { day: 1, hour: 9 },
      storage: new MemoryStorage(),
      poster: {
        where: "test",
        post: async () => {
          throw new Error("channel_not_found");
        },
      },
      secret: "s",
      clock,
      logger: { info: () => {}, error: (o) => errors.push(o) },
    });
    d.start();
    clock.advanceTo("2025-03-10T08:00:00Z");
    await waitFor(() => errors.length > 0, "error logged");
    await waitFor(() => d.nextAt?.toISOString() === "2025-03-17T08:00:00.000Z", "next week armed");
    await d.stop();
    expect(clock.timers).toHaveLength(0);
  });
});

describe("weekly digest in the service", () => {
  let slack: FakeSlack;
  let tmp: ReturnType<typeof tempDir>;
  let seeded: Awaited<ReturnType<typeof seededSqlite>>;
  const runtimes: Runtime[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    tmp = tempDir("relais-digest-");
    seeded = await seededSqlite();
  });
  afterAll(async () => {
    for (const r of runtimes) await r.close();
    await seeded?.cleanup();
    await slack?.close();
    tmp?.remove();
  });

  async function start(extra: Record<string, string>) {
    const config = testConfig(tmp.dir, {
      SLACK_SIGNING_SECRET: "test-signing-secret-0123456789abcdef",
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slack.apiUrl,
      PUBLIC_BASE_URL: "https://relais.example.fr",
      ...extra,
    });
    const runtime = await createRuntime({ config, storage: seeded.storage, llm: null });
    runtimes.push(runtime);
    // Sunday 9 March 2025, noon UTC.
    const clock = new FakeClock(new Date("2025-03-09T12:00:00Z").getTime());
    const running = await startService({ runtime, config, clock, channelsFile: { audienceMap: {}, handoffTargets: { default: { slack: HANDOFF_CHANNEL } } } });
    return { running, clock };
  }

  const digests = () => slack.ok("chat.postMessage").filter((c) => c.args.channel === HANDOFF_CHANNEL);

  it("enabled: one post with the summary in the handoff channel at the scheduled time, then the next week", async () => {
    const { running, clock } = await start({ DIGEST_ENABLED: "true", DIGEST_DAY: "lundi", DIGEST_HOUR: "9" });
    const digest = running.service.digest!;
    expect(digest.nextAt?.toISOString()).toBe("2025-03-10T08:00:00.000Z");
    clock.advanceTo("2025-03-10T07:59:00Z");
    expect(digests()).toHaveLength(0);

    clock.advanceTo("2025-03-10T08:00:00Z");
    const post = await waitFor(() => digests()[0], "digest posted", 10_000);
    const body = JSON.stringify(post.args.blocks);
    expect(body).toContain("Synthèse hebdomadaire de Relais ESS");
    expect(body).toContain("du 3 mars 2025 au 10 mars 2025");
    expect(body).toContain("Questions posées : 3, dont 1 sans réponse");
    expect(body).toContain("Mises en relation en attente : 2");
    expect(body).toContain("Satisfaction : 100 % (2 avis positifs sur 2)");
    expect(body).toMatch(/<https:\/\/relais\.example\.fr\/report\?days=7&amp;expires=\d+&amp;sig=[\w-]{43}\|Ouvrir le rapport complet>/);
    expect(JSON.stringify(post.args.blocks)).not.toContain("ess:"); // no button: nobody answers a digest
    expect(slack.rejected).toEqual([]);
    await waitFor(() => digest.nextAt?.toISOString() === "2025-03-17T08:00:00.000Z", "next week armed");
    expect(digests()).toHaveLength(1);

    await running.close();
    expect(clock.timers).toHaveLength(0);
    expect(digest.nextAt).toBeNull();
    clock.advanceTo("2025-03-17T08:00:00Z");
    expect(digests()).toHaveLength(1);
  }, 60_000);

  it("disabled (the default): no scheduler, no timer, no post", async () => {
    const before = digests().length;
    const { running, clock } = await start({});
    expect(running.service.digest).toBeNull();
    expect(clock.timers).toHaveLength(0);
    clock.advanceTo("2025-03-10T08:00:00Z");
    clock.advanceTo("2025-03-17T08:00:00Z");
    await new Promise((r) => setTimeout(r, 50));
    expect(digests().length).toBe(before);
    await running.close();
  }, 60_000);
});

/**
 * Scale-out: two service instances (two createServer, each with its own
 * runtime and its own PostgreSQL pool) on ONE fresh PostgreSQL database, both
 * with Slack enabled towards one fake Slack Web API.
 *
 * - the same signed Slack event (same event_id) delivered to both at once → one answer;
 * - a rating recorded through A shows in B's report;
 * - an eligibility questionnaire started on A continues on B (and back on A).
 *
 * Skipped, with a message, when PostgreSQL is unreachable on 127.0.0.1:5432.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Reply } from "../../src/domain/reply.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { createStorage } from "../../src/storage/index.js";
import type { Storage } from "../../src/storage/types.js";
import { startService, testConfig, type Running } from "../server/helpers.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { appMention, postSignedEvent, SIGNING_SECRET, uid, waitFor } from "../support/slack-requests.js";
import { PG_ADMIN_URL, PG_AVAILABLE, createTestDatabase } from "../storage/pg-helper.js";
import { dataDir } from "../faults/helpers.js";

if (!PG_AVAILABLE) {
  console.warn(
    `\n[tests/scaleout] PostgreSQL injoignable sur ${PG_ADMIN_URL} : le test à deux instances est IGNORÉ (skipped). Démarrez PostgreSQL (utilisateur postgres, accès local) pour le lancer.\n`,
  );
}

interface Instance {
  storage: Storage;
  runtime: Runtime;
  svc: Running;
}

describe.skipIf(!PG_AVAILABLE)("two instances on one PostgreSQL", () => {
  let tmp: ReturnType<typeof dataDir>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let slack: FakeSlack;
  let a: Instance;
  let b: Instance;

  async function instance(databaseUrl: string): Promise<Instance> {
    const config = testConfig(tmp.dir, {
      DATABASE_URL: databaseUrl,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slack.apiUrl,
    });
    // Each instance has its own pool, as two processes would.
    const storage = await createStorage({ databaseUrl, dataDir: config.dataDir });
    expect(storage.kind).toBe("postgres");
    const runtime = await createRuntime({ config, storage, llm: null });
    const svc = await startService({ runtime, config, settings: { rateLimitPerMinute: 0, rateLimitUserPerMinute: 0, rateLimitSignedPerMinute: 0 } });
    return { storage, runtime, svc };
  }

  beforeAll(async () => {
    tmp = dataDir("relais-scaleout-");
    db = await createTestDatabase();
    slack = await startFakeSlack();
    a = await instance(db.url);
    b = await instance(db.url);
  }, 240_000);

  afterAll(async () => {
    for (const i of [a, b]) {
      if (!i) continue;
      await i.svc.close().catch(() => {});
      await i.runtime.close().catch(() => {});
      await i.storage.close().catch(() => {});
    }
    await slack?.close();
    await db?.drop().catch(() => {});
    tmp?.remove();
  });

  const posts = () => slack.ok("chat.postMessage");

  it("answers a Slack event delivered to both instances at once exactly once", async () => {
    const before = posts().length;
    const events = Array.from({ length: 4 }, (_, i) =>
      appMention(
        [
          "Qu'est-ce que l'appel à communs ?",
          "Comment être accompagné par le DLA ?",
          "Quand le schéma ESS du Gard a-t-il été voté ?",
          "Qu'est-ce qu'une SCIC ?",
        ][i]!,
        { eventId: uid("EvScale") },
      ),
    );
    for (const ev of events) {
      // Same event_id, same body, same signature, at the same time on both instances.
      const [ra, rb] = await Promise.all([postSignedEvent(a.svc.url, ev), postSignedEvent(b.svc.url, ev)]);
      expect(ra.status).toBe(200);
      expect(rb.status).toBe(200);
    }
    await waitFor(() => posts().length - before >= events.length, "one answer per event", 30_000);
    await Promise.all([a.svc.service.channels.slack!.idle(10_000), b.svc.service.channels.slack!.idle(10_000)]);
    await new Promise((r) => setTimeout(r, 1000));

    const threads = posts()
      .slice(before)
      .map((c) => c.args.thread_ts as string);
    expect(threads).toHaveLength(events.length);
    expect(new Set(threads)).toEqual(new Set(events.map((e) => (e.event as { ts: string }).ts)));
  }, 90_000);

  it("control: instances that do not share storage answer the same event twice (the check above can fail)", async () => {
    const { MemoryStorage } = await import("../../src/storage/memory.js");
    const separate: Instance[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const config = testConfig(tmp.dir, { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-test", SLACK_API_URL: slack.apiUrl });
        const storage = new MemoryStorage();
        await storage.migrate();
        const runtime = await createRuntime({ config, storage, llm: null });
        separate.push({ storage, runtime, svc: await startService({ runtime, config }) });
      }
      const before = posts().length;
      const ev = appMention("Qu'est-ce que l'appel à communs ?", { eventId: uid("EvCtl") });
      await Promise.all(separate.map((i) => postSignedEvent(i.svc.url, ev)));
      await waitFor(() => posts().length - before >= 2, "two answers without shared dedupe", 20_000);
      expect(posts().length - before).toBe(2);
    } finally {
      for (const i of separate) {
        await i.svc.close();
        await i.runtime.close();
      }
    }
  }, 90_000);

  it("ignores Slack's retry of an event on the other instance", async () => {
    const before = posts().length;
    const ev = appMention("Quels accompagnements pour une association du Gard ?", { eventId: uid("EvRetry") });
    expect((await postSignedEvent(a.svc.url, ev)).status).toBe(200);
    await waitFor(() => posts().length - before === 1, "the first answer", 20_000);
    // Slack re-delivers the same event (X-Slack-Retry-Num) to whichever instance the balancer picks.
    const body = JSON.stringify(ev);
    const { sign } = await import("../support/slack-requests.js");
    const res = await fetch(`${b.svc.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-retry-num": "1",
        "x-slack-retry-reason": "http_timeout",
        ...sign(body, undefined, SIGNING_SECRET),
      },
      body,
    });
    expect(res.status).toBe(200);
    await b.svc.service.channels.slack!.idle(10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(posts().length - before).toBe(1);
  }, 60_000);

  const cookie = (id: string) => ({ cookie: `relais_uid=${id}` });
  async function turn(url: string, user: string, body: Record<string, unknown>): Promise<Reply> {
    const res = await fetch(`${url}/api/turn`, {
      method: "POST",
      headers: { "content-type": "application/json", ...cookie(user) },
      body: JSON.stringify({ audience: "porteur", ...body }),
    });
    expect(res.status).toBe(200);
    return Reply.parse(await res.json());
  }
  async function report(url: string) {
    const res = await fetch(`${url}/api/report?days=1`);
    expect(res.status).toBe(200);
    return (await res.json()) as { ratings: { up: number; down: number }; interactions: number };
  }

  it("shows in B's report a rating recorded through A", async () => {
    const user = `user-${uid("a").toLowerCase()}-0123456789`;
    const conversationId = `conv${uid("R")}`;
    const beforeB = await report(b.svc.url);
    const answer = await turn(a.svc.url, user, { conversationId, text: "Qu'est-ce que le dispositif local d'accompagnement ?" });
    expect(answer.interactionId).toBeDefined();
    const thanks = await turn(a.svc.url, user, { conversationId, action: { id: "rate-up", value: answer.interactionId } });
    expect(thanks.text).toMatch(/^Merci pour votre retour/);
    const afterB = await report(b.svc.url);
    expect(afterB.ratings.up).toBe(beforeB.ratings.up + 1);
    expect(afterB.interactions).toBe(beforeB.interactions + 1);
    // And B can resolve the interaction A recorded (a rating sent to B for it is accepted).
    const viaB = await turn(b.svc.url, user, { conversationId, action: { id: "rate-down", value: answer.interactionId } });
    expect(viaB.text).toMatch(/^Merci/);
    expect((await report(a.svc.url)).ratings.down).toBe(afterB.ratings.down + 1);
  }, 60_000);

  it("continues on B an eligibility questionnaire started on A, and back on A", async () => {
    const user = `user-${uid("e").toLowerCase()}-0123456789`;
    const conversationId = `conv${uid("E")}`;
    const start = await turn(a.svc.url, user, { conversationId, action: { id: "eligibility" } });
    expect(start.type).toBe("prompt");
    const first = start.prompt!;
    const firstValue = first.options?.[0]?.value ?? "Alès";

    const second = await turn(b.svc.url, user, { conversationId, text: firstValue });
    // B knows the questionnaire: it asks the next question (not the first one again, not an answer).
    expect(second.type).toBe("prompt");
    expect(second.prompt!.field).not.toBe(first.field);

    const third = await turn(a.svc.url, user, { conversationId, text: second.prompt!.options?.[0]?.value ?? "Alès" });
    expect(["prompt", "eligibility"]).toContain(third.type);
    if (third.type === "prompt") expect([first.field, second.prompt!.field]).not.toContain(third.prompt!.field);

    // Control: the same answer in a conversation B has never seen is not a questionnaire step.
    const control = await turn(b.svc.url, user, { conversationId: `conv${uid("C")}`, text: firstValue });
    expect(control.prompt?.field === second.prompt!.field && control.type === "prompt").toBe(false);
  }, 60_000);
});

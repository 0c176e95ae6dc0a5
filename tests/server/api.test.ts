/** The service over real HTTP: /api/ask, validation, limits, health, readiness, metrics, playground API, logs. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOC_KINDS } from "../../src/domain/ids.js";
import { Reply } from "../../src/domain/reply.js";
import type { Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import type { AppConfig } from "../../src/config/env.js";
import { captureLogger, postJson, startService, tempDir, testConfig, testRuntime, type Running } from "./helpers.js";

let tmp: ReturnType<typeof tempDir>;
let config: AppConfig;
let runtime: Runtime;
let svc: Running;
let logs: string[];

const ON_TOPIC = "Qui peut répondre à l'appel à communs du Département du Gard ?";
const OFF_TOPIC = "Quelle est la recette de la ratatouille ?";

beforeAll(async () => {
  tmp = tempDir();
  config = testConfig(tmp.dir);
  runtime = await testRuntime(config);
  const cap = captureLogger();
  logs = cap.lines;
  svc = await startService({ runtime, config, logger: cap.logger, settings: { playground: true } });
});

afterAll(async () => {
  await svc?.close();
  await runtime?.close();
  tmp?.remove();
});

describe("POST /api/ask", () => {
  it("answers a question with the core's reply, valid under the Reply schema, with typed sources", async () => {
    const res = await postJson(`${svc.url}/api/ask`, { question: ON_TOPIC, audience: "porteur" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const reply = Reply.parse(await res.json());
    expect(reply.type).toBe("answer");
    expect(reply.refused).toBe(false);
    expect(reply.sources.length).toBeGreaterThan(0);
    for (const s of reply.sources) expect(DOC_KINDS).toContain(s.kind);
    expect(reply.text).toMatch(/\[\d+\]/);
  });

  it("defaults the audience to porteur and accepts agent", async () => {
    const res = await postJson(`${svc.url}/api/ask`, { question: ON_TOPIC, audience: "agent" });
    expect(res.status).toBe(200);
    expect(Reply.parse(await res.json()).audience ?? "agent").toBe("agent");
  });

  it.each([
    ["an empty question", { question: "   " }, /vide/],
    ["a missing question", { audience: "porteur" }, /question/],
    ["a question that is not text", { question: 42 }, /texte/],
    ["a question that is too long", { question: "é".repeat(4001) }, /trop longue/],
    ["an unknown audience", { question: ON_TOPIC, audience: "public" }, /audience/],
    ["an unknown field", { question: ON_TOPIC, foo: 1 }, /foo/],
  ])("rejects %s with 400 and a French message", async (_name, body, detail) => {
    const res = await postJson(`${svc.url}/api/ask`, body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string; details: string[] };
    expect(json.error).toBe("Requête invalide.");
    expect(json.details.join(" ")).toMatch(detail);
  });

  it("answers malformed JSON with 400 and keeps serving", async () => {
    const res = await postJson(`${svc.url}/api/ask`, '{"question": "Bonjour",');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON valide/);
    const again = await postJson(`${svc.url}/api/ask`, { question: ON_TOPIC });
    expect(again.status).toBe(200);
  });

  it("answers an oversized body with 413", async () => {
    const res = await postJson(`${svc.url}/api/ask`, { question: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/trop volumineux/);
  });

  it("refuses a body that is not JSON with 415", async () => {
    const res = await fetch(`${svc.url}/api/ask`, { method: "POST", headers: { "content-type": "text/plain" }, body: ON_TOPIC });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON/);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await fetch(`${svc.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/inconnue/);
  });
});

describe("operations", () => {
  it("/healthz answers ok", async () => {
    const res = await fetch(`${svc.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz checks the index and the storage, and names the index artifact it serves", async () => {
    const res = await fetch(`${svc.url}/readyz`);
    expect(res.status).toBe(200);
    const manifest = runtime.index.index.manifest;
    expect(await res.json()).toEqual({
      status: "ready",
      checks: { index: true, storage: true },
      index: { fingerprint: manifest.corpusHash, chunks: runtime.index.index.chunks.length, builtAt: manifest.builtAt },
    });
  });

  it("/readyz answers 503 when the storage does not answer its ping", async () => {
    class DownStorage extends MemoryStorage {
      override async ping() {
        return false;
      }
    }
    const down = await startService({ runtime: { ...runtime, storage: new DownStorage() }, config });
    try {
      const res = await fetch(`${down.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "not-ready", checks: { index: true, storage: false } });
    } finally {
      await down.close();
    }
  });

  it("/metrics exposes requests by route and status, latency histograms, replies, refusals, handoffs and errors", async () => {
    const refused = Reply.parse(await (await postJson(`${svc.url}/api/ask`, { question: OFF_TOPIC })).json());
    await postJson(`${svc.url}/api/ask`, "{oops");
    const res = await fetch(`${svc.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/relais_http_requests_total\{route="\/api\/ask",method="POST",status="200"\} [1-9]/);
    expect(text).toMatch(/relais_http_requests_total\{route="\/api\/ask",method="POST",status="400"\} [1-9]/);
    expect(text).toMatch(/relais_http_request_duration_seconds_bucket\{le="0.1",route="\/api\/ask",method="POST"\} \d+/);
    expect(text).toMatch(/relais_replies_total\{channel="api",type="answer"\} [1-9]/);
    expect(text).toContain("# TYPE relais_answers_refused_total counter");
    expect(text).toContain("# TYPE relais_handoffs_total counter");
    expect(text).toContain("# TYPE relais_errors_total counter");
    expect(text).toContain("relais_process_resident_memory_bytes");
    if (refused.refused) expect(text).toMatch(/relais_answers_refused_total\{channel="api"\} [1-9]/);
  });

  it("sets security headers on every response", async () => {
    const res = await fetch(`${svc.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("playground API", () => {
  const conversationId = "test-conv-0001";

  it("serves the page and the vocabulary", async () => {
    const page = await fetch(`${svc.url}/`);
    expect(await page.text()).toMatch(/<html lang="fr">/);
    const vocab = (await (await fetch(`${svc.url}/api/vocabulary`)).json()) as {
      facts: { fact: string; question: string }[];
      friction: { steps: unknown[]; blockers: unknown[]; processes: unknown[] };
      kinds: Record<string, string>;
    };
    expect(vocab.facts.map((f) => f.fact)).toContain("legalForm");
    expect(vocab.friction.processes).toHaveLength(14);
    expect(Object.keys(vocab.kinds).sort()).toEqual([...DOC_KINDS].sort());
  });

  it("handles a turn with an anonymous user cookie, then ratings, forms and the report", async () => {
    const first = await postJson(`${svc.url}/api/turn`, { conversationId, text: ON_TOPIC });
    expect(first.status).toBe(200);
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/relais_uid=[0-9a-f-]{36}; Path=\/; HttpOnly; SameSite=Strict/);
    const jar = cookie.split(";")[0]!;
    const reply = Reply.parse(await first.json());
    expect(reply.interactionId).toBeTruthy();
    const rate = reply.actions.find((a) => a.id === "rate-down");
    expect(rate?.value).toBe(reply.interactionId);

    const rated = await postJson(
      `${svc.url}/api/turn`,
      { conversationId, action: { id: "rate-down", value: rate!.value, comment: "Il manque le calendrier." } },
      { cookie: jar },
    );
    expect(rated.status).toBe(200);
    expect(rated.headers.get("set-cookie")).toBeNull();
    Reply.parse(await rated.json());

    const elig = Reply.parse(
      await (
        await postJson(
          `${svc.url}/api/turn`,
          { conversationId, form: { kind: "eligibility", values: { legalForm: "association", commune: "Alès", employees: "3" } } },
          { cookie: jar },
        )
      ).json(),
    );
    expect(elig.type).toBe("eligibility");
    expect(elig.eligibility?.length).toBeGreaterThan(0);

    const friction = Reply.parse(
      await (
        await postJson(
          `${svc.url}/api/turn`,
          {
            conversationId,
            form: {
              kind: "friction",
              values: {
                step: "depot",
                blocker: "outil-numerique",
                process: "appel-a-communs",
                commune: "Alès",
                description: "La plateforme refuse mon fichier.",
                severity: 2,
                contactOk: false,
              },
            },
          },
          { cookie: jar },
        )
      ).json(),
    );
    expect(friction.type).toBe("friction");

    const report = (await (await fetch(`${svc.url}/api/report?days=7`)).json()) as { interactions: number; frictions: number; ratings: { down: number } };
    expect(report.interactions).toBeGreaterThanOrEqual(1);
    expect(report.frictions).toBe(1);
    expect(report.ratings.down).toBe(1);
  });

  it("counts handoffs per channel in the metrics", async () => {
    const res = await postJson(`${svc.url}/api/turn`, { conversationId: "handoff-conv-1", action: { id: "handoff", value: "conversation" } });
    const reply = Reply.parse(await res.json());
    expect(reply.type).toBe("handoff");
    expect(reply.handoff?.status).toBe("open");
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    expect(text).toMatch(/relais_handoffs_total\{channel="web"\} 1\b/);
    expect(text).toMatch(/relais_replies_total\{channel="web",type="handoff"\} 1\b/);
  });

  it("rejects invalid turns with 400", async () => {
    for (const body of [{ conversationId: "x", text: "bonjour" }, { conversationId }, { conversationId, text: "a", action: { id: "explode" } }]) {
      const res = await postJson(`${svc.url}/api/turn`, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { details: string[] }).details.length).toBeGreaterThan(0);
    }
    const badDays = await fetch(`${svc.url}/api/report?days=-1`);
    expect(badDays.status).toBe(400);
  });

  it("names each invalid form field in French (never a validator's raw text)", async () => {
    const friction = await postJson(`${svc.url}/api/turn`, {
      conversationId,
      form: { kind: "friction", values: { step: "nulle-part", commune: "Alès", severity: 7 } },
    });
    expect(friction.status).toBe(400);
    const body = (await friction.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toMatch(/corrigez les champs signalés/);
    expect(Object.keys(body.fields).sort()).toEqual(["blocker", "description", "process", "severity", "step"]);
    expect(body.fields.step).toBe("Choisissez l'étape de votre démarche.");
    const eligibility = await postJson(`${svc.url}/api/turn`, {
      conversationId,
      form: { kind: "eligibility", values: { commune: "Atlantide", employees: "-3", partnerStructures: "1,5" } },
    });
    expect(eligibility.status).toBe(400);
    const fields = ((await eligibility.json()) as { fields: Record<string, string> }).fields;
    expect(fields).toEqual({
      commune: expect.stringMatching(/^Je ne trouve pas cette commune/),
      employees: "Le nombre ne peut pas être négatif.",
      partnerStructures: "Indiquez un nombre entier.",
    });
    const english = /invalid|expected|option|required/i;
    for (const text of [...Object.values(body.fields), ...Object.values(fields)]) expect(text).not.toMatch(english);
    const unknown = await postJson(`${svc.url}/api/turn`, { conversationId, audience: "chef", text: "bonjour" });
    expect(((await unknown.json()) as { details: string[] }).details).toEqual(["audience : public inconnu (agent ou porteur)"]);
  });

  it("is not mounted when the playground is off", async () => {
    const off = await startService({ runtime, config, settings: { playground: false } });
    try {
      expect((await fetch(`${off.url}/`)).status).toBe(404);
      expect((await postJson(`${off.url}/api/turn`, { conversationId, text: "x" })).status).toBe(404);
      expect((await fetch(`${off.url}/api/report`)).status).toBe(404);
      expect((await postJson(`${off.url}/api/ask`, { question: ON_TOPIC })).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});

describe("channels", () => {
  it("mounts Teams on /api/messages (anonymous outside production) and not Slack without secrets", async () => {
    expect(svc.service.channels.slack).toBeNull();
    expect(svc.service.channels.teams?.anonymous).toBe(true);
    const slack = await postJson(`${svc.url}/slack/events`, { type: "url_verification", challenge: "c" });
    expect(slack.status).toBe(404);
    const teams = await postJson(`${svc.url}/api/messages`, "{not json");
    expect(teams.status).toBe(400);
  });
});

describe("logs", () => {
  it("log route, status, latency and reply type, never the question or the user", async () => {
    const marker = "Zéphyrin Marquetout";
    const res = await postJson(`${svc.url}/api/turn`, { conversationId: "log-check-01", text: `Je suis ${marker}, comment adhérer à une SCIC ?` });
    const uid = /relais_uid=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    expect(uid).toBeTruthy();
    await res.json();
    const all = logs.join("\n");
    expect(all).not.toContain("Zéphyrin");
    expect(all).not.toContain("Marquetout");
    expect(all).not.toContain(uid!);
    expect(all).not.toContain("ratatouille");
    const entry = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.route === "/api/turn" && l.status === 200);
    expect(entry).toMatchObject({ method: "POST", replyType: expect.any(String), refused: expect.any(Boolean), ms: expect.any(Number) });
  });
});

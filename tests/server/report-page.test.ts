/**
 * The web report for agents over real HTTP: the signed link an agent's report
 * reply carries opens the HTML report (playground on or off); a tampered,
 * expired or incomplete link opens nothing; the playground's /api/report gives
 * the same report in html, md and csv.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportLink } from "../../src/report/link.js";
import type { ReportPayload } from "../../src/report/reply.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { seededSqlite } from "../report/seed.js";
import { startService, tempDir, testConfig, type Running } from "./helpers.js";

const BASE = "https://relais.example.fr/outils";
const SECRET = "report-page-secret-0123456789abcdef";

let tmp: ReturnType<typeof tempDir>;
let seeded: Awaited<ReturnType<typeof seededSqlite>>;
let runtime: Runtime;
let on: Running;
let off: Running;

beforeAll(async () => {
  tmp = tempDir("relais-report-page-");
  seeded = await seededSqlite();
  const config = testConfig(tmp.dir, { PUBLIC_BASE_URL: `${BASE}/`, PSEUDONYM_SECRET: SECRET });
  runtime = await createRuntime({ config, storage: seeded.storage, llm: null });
  on = await startService({ runtime, config, settings: { playground: true } });
  off = await startService({ runtime, config, settings: { playground: false } });
}, 120_000);

afterAll(async () => {
  await on?.close();
  await off?.close();
  await runtime?.close();
  await seeded?.cleanup();
  tmp?.remove();
});

/** The same path and query on the local service. */
const local = (link: string, svc: Running) => {
  const u = new URL(link);
  return `${svc.url}${u.pathname.replace(/^\/outils/, "")}${u.search}`;
};

describe("web report for agents", () => {
  it("an agent's report reply carries a signed link that opens the HTML report, playground off", async () => {
    const reply = await runtime.assistant.handle({ channel: "teams", conversationId: "c-1", userId: "agent-1", audience: "agent", action: { id: "report" } });
    expect(reply.type).toBe("report");
    const link = (reply.report as ReportPayload).link!;
    expect(link).toMatch(/^https:\/\/relais\.example\.fr\/outils\/report\?days=30&expires=\d+&sig=[\w-]{43}$/);
    expect(reply.text).toContain(link);
    expect(reply.text).not.toMatch(/report --format|ligne de commande/);

    const res = await fetch(local(link, off));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain("<h1>Rapport de l&#39;assistant Relais ESS</h1>");
    expect(html).toContain("<h3>Signalements par type de blocage</h3>");
    expect(html).toContain("<h3>Réponses jugées « pas utiles »</h3>");
    expect(html).not.toMatch(/<script/i);
  });

  it("a porteur gets no report and no link", async () => {
    const reply = await runtime.assistant.handle({ channel: "teams", conversationId: "c-2", userId: "p-1", audience: "porteur", action: { id: "report" } });
    expect(reply.type).toBe("info");
    expect(reply.report).toBeUndefined();
    expect(reply.text).not.toContain("/report?");
  });

  it("a tampered, expired or incomplete link opens nothing (403, a French sentence, no figures)", async () => {
    const good = new URL(reportLink({ baseUrl: BASE, secret: SECRET, days: 30 }));
    const longer = new URL(good);
    longer.searchParams.set("days", "3000");
    const expired = reportLink({ baseUrl: BASE, secret: SECRET, days: 30, now: new Date(Date.now() - 8 * 86_400_000) });
    const otherSecret = reportLink({ baseUrl: BASE, secret: "another-secret-0123456789abcdef", days: 30 });
    const cases: [string, RegExp][] = [
      [longer.toString(), /lien vers le rapport n&#39;est pas valide/],
      [expired, /a expiré/],
      [otherSecret, /lien vers le rapport n&#39;est pas valide/],
      [`${BASE}/report`, /incomplet ou invalide/],
      [`${BASE}/report?days=30&expires=abc&sig=x`, /incomplet ou invalide/],
    ];
    for (const [link, message] of cases) {
      const res = await fetch(local(link, on));
      expect(res.status).toBe(403);
      const body = await res.text();
      expect(body).toMatch(message);
      expect(body).not.toContain("Questions posées");
    }
  });

  it("the playground's /api/report gives html, md and csv too, and rejects an unknown format", async () => {
    const html = await fetch(`${on.url}/api/report?days=3660&format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toContain("Mises en relation traitées sur la période");
    const md = await fetch(`${on.url}/api/report?days=3660&format=md`);
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(await md.text()).toContain("## Questions sans réponse les plus fréquentes");
    const csv = await fetch(`${on.url}/api/report?days=3660&format=csv`);
    expect((await csv.text()).split("\r\n")[0]).toBe("section,cle,sous_cle,valeur");
    const json = (await (await fetch(`${on.url}/api/report?days=3660`)).json()) as { handoffs: { count: number }; unanswered: unknown[] };
    expect(json.handoffs.count).toBeGreaterThan(0);
    expect(Array.isArray(json.unanswered)).toBe(true);
    const bad = await fetch(`${on.url}/api/report?format=pdf`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("format");
    // Playground off: the unsigned API stays unmounted.
    expect((await fetch(`${off.url}/api/report?format=html`)).status).toBe(404);
  });

  it("is not served when links could be signed with the public development secret and the playground is off", async () => {
    const config = testConfig(tmp.dir, { PUBLIC_BASE_URL: BASE });
    const svc = await startService({ runtime, config, settings: { playground: false } });
    try {
      const link = reportLink({ baseUrl: BASE, secret: config.pseudonymSecret, days: 30 });
      expect((await fetch(local(link, svc))).status).toBe(404);
    } finally {
      await svc.close();
    }
  });
});

/**
 * SIGKILL during writes, through the HTTP API: a child service (SQLite in a
 * temp DATA_DIR) receives ratings and friction reports from concurrent
 * clients; every 2xx answer is recorded; the child is SIGKILLed while
 * requests are still in flight; the SQLite file, reopened, holds every
 * acknowledged record.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Reply } from "../../src/domain/reply.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import { postJson } from "../server/helpers.js";
import { dataDir, goldQuestions, startChildService, type ChildService } from "./helpers.js";

const ACKS_BEFORE_KILL = 60;
const WORKERS = 6;

let tmp: ReturnType<typeof dataDir>;
let svc: ChildService | undefined;

beforeAll(() => {
  tmp = dataDir("relais-faults-kill-");
});
afterAll(async () => {
  if (svc && svc.child.exitCode === null && svc.child.signalCode === null) svc.child.kill("SIGKILL");
  tmp?.remove();
});

const letters = (n: number): string => (n < 26 ? "" : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
const convId = () => randomUUID().replace(/-/g, "").slice(0, 24);

async function turn(url: string, body: Record<string, unknown>): Promise<Reply | null> {
  try {
    const res = await postJson(`${url}/api/turn`, { conversationId: convId(), audience: "porteur", ...body });
    if (res.status < 200 || res.status >= 300) return null;
    return Reply.parse(await res.json());
  } catch {
    return null; // connection reset by the kill: not acknowledged
  }
}

describe("SIGKILL during feedback writes", () => {
  it("loses no acknowledged rating or friction report", async () => {
    svc = await startChildService({ DATA_DIR: tmp.dir });
    const url = svc.url;

    // Interactions to rate (recorded through the API too).
    const questions = goldQuestions().slice(0, 12);
    const interactions: string[] = [];
    for (const q of questions) {
      const r = await turn(url, { text: q });
      if (r?.interactionId) interactions.push(r.interactionId);
    }
    expect(interactions.length).toBeGreaterThanOrEqual(5);

    const ackedRatings = new Map<string, "up" | "down">(); // `${interactionId}|${comment}` → value
    const ackedFrictions: string[] = []; // 8-character references given back to the person
    let acks = 0;
    let killed = false;
    let seq = 0;

    const kill = () => {
      if (killed) return;
      killed = true;
      svc!.child.kill("SIGKILL");
    };

    const worker = async (w: number) => {
      while (!killed) {
        const n = ++seq;
        if (n % 2 === 0) {
          const interactionId = interactions[n % interactions.length]!;
          const value = n % 4 === 0 ? "rate-down" : "rate-up";
          // Letters only: the storage scrubs digit runs (phone numbers…) out of comments.
          const comment = `avis ${letters(w)} ${letters(n)}`;
          const r = await turn(url, { action: { id: value, value: interactionId, comment } });
          // A 2xx received after the kill signal was still acknowledged before the process died: it counts.
          if (r && /^Merci(, votre commentaire a bien été enregistré| pour votre retour)/.test(r.text)) {
            ackedRatings.set(`${interactionId}|${comment}`, value === "rate-up" ? "up" : "down");
            acks++;
          }
        } else {
          const r = await turn(url, {
            form: {
              kind: "friction",
              values: {
                step: "depot",
                blocker: "delai",
                process: "dla",
                commune: "Alès",
                description: `Le dépôt du dossier a pris trop de temps (essai ${n}).`,
                severity: 2,
                contactOk: false,
              },
            },
          });
          const ref = r?.type === "friction" ? /référence ([0-9a-f-]{8})/i.exec(r.text)?.[1] : undefined;
          if (r && ref) {
            ackedFrictions.push(ref);
            acks++;
          } else if (r && !killed) throw new Error(`friction not recorded: ${r.type} ${r.text}`);
        }
        // Kill while the other workers still have requests in flight.
        if (acks >= ACKS_BEFORE_KILL) kill();
      }
    };
    const exited = new Promise<{ signal: string | null }>((r) => svc!.child.once("exit", (_code, signal) => r({ signal })));
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    const { signal } = await exited;
    expect(signal).toBe("SIGKILL");
    expect(acks).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    // Reopen the file the killed process was writing.
    const storage = SqliteStorage.inDataDir(tmp.dir);
    try {
      await storage.migrate();
      const data = await storage.reportData({});
      const stored = new Set(data.ratings.map((r) => `${r.interactionId}|${r.comment ?? ""}|${r.value}`));
      const lost = [...ackedRatings].filter(([k, v]) => !stored.has(`${k}|${v}`));
      expect(lost, "acknowledged ratings missing after SIGKILL").toEqual([]);
      const frictionIds = data.frictions.map((f) => f.id ?? "");
      const lostFrictions = ackedFrictions.filter((ref) => !frictionIds.some((id) => id.startsWith(ref)));
      expect(lostFrictions, "acknowledged friction reports missing after SIGKILL").toEqual([]);
      expect(ackedRatings.size).toBeGreaterThan(0);
      expect(ackedFrictions.length).toBeGreaterThan(0);
    } finally {
      await storage.close();
    }
  }, 240_000);
});

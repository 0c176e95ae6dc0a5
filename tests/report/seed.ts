/**
 * A seeded March 2025 dataset with hand-computed figures (see EXPECTED), on
 * SQLite (temp file) or PostgreSQL. Handoffs are back-dated with SQL because
 * the Storage interface stamps them with the current time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import { PostgresStorage } from "../../src/storage/postgres.js";
import type { FrictionRecord, InteractionRecord, Storage } from "../../src/storage/types.js";

export const PERIOD = { from: new Date("2025-03-01T00:00:00Z"), to: new Date("2025-04-01T00:00:00Z") };
export const NOW = new Date("2025-04-01T00:00:00Z");

const I = (
  createdAt: string,
  channel: InteractionRecord["channel"],
  audience: InteractionRecord["audience"],
  route: InteractionRecord["route"],
  refused: boolean,
  question: string,
  userHash = "u-porteur-1",
): InteractionRecord => ({
  createdAt,
  channel,
  audience,
  route,
  refused,
  question,
  userHash,
  conversationKey: `${channel}:conv:${userHash}`,
  answer: refused ? "Je ne sais pas répondre à cette question." : "Réponse sourcée [1].",
  sources: refused ? [] : ["doc-1"],
  latencyMs: 100,
});

const F = (
  createdAt: string,
  step: FrictionRecord["step"],
  blocker: FrictionRecord["blocker"],
  process: FrictionRecord["process"],
  commune: string,
  epci: string | undefined,
  severity: number,
  contactOk: boolean,
): FrictionRecord => ({
  createdAt,
  step,
  blocker,
  process,
  commune,
  ...(epci ? { epci } : {}),
  description: `Difficulté ${step} à ${commune}`,
  severity,
  contactOk,
  userHash: "u-friction",
  channel: "slack",
});

export interface Seeded {
  storage: Storage;
  ids: Record<string, string>;
  cleanup: () => Promise<void>;
}

export async function seed(storage: Storage, backdate: (handoffId: string, iso: string) => Promise<void>): Promise<Record<string, string>> {
  await storage.migrate();
  const ids: Record<string, string> = {};
  const budget = "Quel est le budget de l'axe 2 ?";
  ids.i0 = await storage.recordInteraction(I("2025-02-20T10:00:00Z", "slack", "porteur", null, true, "Question de février hors période"));
  ids.i1 = await storage.recordInteraction(I("2025-03-03T09:00:00Z", "slack", "porteur", "appel-a-communs", false, "Comment candidater à l'appel à communs ?"));
  ids.i2 = await storage.recordInteraction(I("2025-03-04T09:00:00Z", "slack", "porteur", "dla", false, "Le DLA est-il gratuit ?"));
  ids.i3 = await storage.recordInteraction(I("2025-03-05T09:00:00Z", "teams", "agent", null, true, budget, "u-agent-1"));
  ids.i4 = await storage.recordInteraction(I("2025-03-10T09:00:00Z", "teams", "agent", "commande-publique", false, "Qu'est-ce que le SPASER ?", "u-agent-1"));
  ids.i5 = await storage.recordInteraction(I("2025-03-11T09:00:00Z", "slack", "porteur", null, true, "quel est le budget de l’axe 2?"));
  ids.i6 = await storage.recordInteraction(
    I("2025-03-12T09:00:00Z", "cli", "agent", "mecenat-fondations", false, "Quand ont lieu les rencontres du mécénat ?", "u-agent-2"),
  );
  ids.i7 = await storage.recordInteraction(I("2025-03-17T09:00:00Z", "slack", "porteur", "france-active", false, "Quel montant pour un pacte émergence ?"));
  ids.i8 = await storage.recordInteraction(I("2025-03-18T09:00:00Z", "web", "porteur", null, true, "Quelle est la date limite de l'appel à communs ?"));
  ids.i9 = await storage.recordInteraction(
    I("2025-03-24T09:00:00Z", "slack", "porteur", "appel-a-communs", false, "Combien de structures faut-il pour un commun ?"),
  );
  ids.i10 = await storage.recordInteraction(I("2025-03-31T22:00:00Z", "teams", "agent", "dla", false, "Qui porte le DLA dans le Gard ?", "u-agent-1"));

  await storage.recordRating({ interactionId: ids.i0, userHash: "u-porteur-1", value: "down", comment: "Hors sujet", createdAt: "2025-03-02T08:00:00Z" });
  await storage.recordRating({ interactionId: ids.i1, userHash: "u-porteur-1", value: "up", createdAt: "2025-03-03T09:05:00Z" });
  await storage.recordRating({ interactionId: ids.i2, userHash: "u-porteur-1", value: "up", createdAt: "2025-03-04T09:05:00Z" });
  await storage.recordRating({ interactionId: ids.i4, userHash: "u-agent-1", value: "up", createdAt: "2025-03-10T09:05:00Z" });
  await storage.recordRating({ interactionId: ids.i6, userHash: "u-agent-2", value: "up", createdAt: "2025-03-12T09:05:00Z" });
  await storage.recordRating({
    interactionId: ids.i7,
    userHash: "u-porteur-1",
    value: "down",
    comment: "Montant pas à jour",
    createdAt: "2025-03-17T09:05:00Z",
  });
  await storage.recordRating({ interactionId: ids.i9, userHash: "u-porteur-1", value: "down", createdAt: "2025-03-24T09:05:00Z" });
  // Outside the period: ignored.
  await storage.recordRating({ interactionId: ids.i10, userHash: "u-agent-1", value: "up", createdAt: "2025-04-02T09:05:00Z" });

  // The core recorded the refusal of i3 itself; the other unanswered items are derived.
  await storage.recordUnanswered({ interactionId: ids.i3, question: budget, reason: "refused", userHash: "u-agent-1", createdAt: "2025-03-05T09:00:01Z" });

  await storage.recordFriction(F("2025-03-04T10:00:00Z", "depot", "outil-numerique", "appel-a-communs", "Alès", "Alès Agglomération", 2, true));
  await storage.recordFriction(F("2025-03-11T10:00:00Z", "depot", "delai", "appel-a-communs", "Nîmes", "Nîmes Métropole", 3, false));
  await storage.recordFriction(F("2025-03-12T10:00:00Z", "eligibilite", "critere-flou", "dla", "Sauve", undefined, 1, true));
  await storage.recordFriction(F("2025-03-19T10:00:00Z", "versement", "delai", "commande-publique", "Nîmes", "Nîmes Métropole", 3, true));
  await storage.recordFriction(
    F("2025-03-25T10:00:00Z", "information-orientation", "mauvais-interlocuteur", "region-occitanie", "Uzès", "CC Pays d'Uzès", 2, false),
  );
  await storage.recordFriction(
    F("2025-03-26T10:00:00Z", "depot", "piece-justificative", "incubation-innovation-sociale", "Alès", "Alès Agglomération", 1, false),
  );
  await storage.recordFriction(F("2025-02-26T10:00:00Z", "decision", "autre", "cae", "Alès", "Alès Agglomération", 1, false)); // out of period

  const h = (process: FrictionRecord["process"], summary: string) =>
    storage.createHandoff({ process, userHash: "u-porteur-1", channel: "slack", conversationKey: "slack:conv:u-porteur-1", summary, facts: {}, sources: [] });
  const h1 = await h("mission-ess-departement", "Rendez-vous avec l'équipe ESS");
  const h2 = await h("dla", "Accompagnement DLA");
  const h3 = await h("france-active", "Financement France Active");
  const h4 = await h("appel-a-communs", "Après la période");
  await backdate(h1.id, "2025-03-05T10:00:00Z");
  await backdate(h2.id, "2025-03-20T10:00:00Z");
  await backdate(h3.id, "2025-02-10T09:00:00Z");
  await backdate(h4.id, "2025-04-05T09:00:00Z");
  await storage.resolveHandoff(h2.id);
  Object.assign(ids, { h1: h1.id, h2: h2.id, h3: h3.id, h4: h4.id });
  return ids;
}

export async function seededSqlite(): Promise<Seeded & { file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-report-"));
  const file = path.join(dir, "relais-ess.sqlite");
  const storage = new SqliteStorage(file);
  const backdate = async (id: string, iso: string) => {
    const db = new Database(file);
    db.pragma("busy_timeout = 5000");
    db.prepare("UPDATE handoffs SET created_at = ? WHERE id = ?").run(new Date(iso).toISOString(), id);
    db.close();
  };
  const ids = await seed(storage, backdate);
  return {
    storage,
    ids,
    file,
    dir,
    cleanup: async () => {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function seededPostgres(url: string): Promise<Seeded> {
  const storage = new PostgresStorage(url);
  const backdate = async (id: string, iso: string) => {
    await storage.pool.query("UPDATE handoffs SET created_at = $1 WHERE id = $2", [iso, id]);
  };
  const ids = await seed(storage, backdate);
  return { storage, ids, cleanup: () => storage.close() };
}

/** friction add, purge and forget commands on a real SQLite file. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Command } from "commander";
import { frictionCommand } from "../../src/cli/commands/friction.js";
import { purgeCommand } from "../../src/cli/commands/purge.js";
import { forgetCommand } from "../../src/cli/commands/forget.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/types.js";
import { userHash } from "../../src/privacy/pseudonym.js";
import { defaultCommuneResolver } from "../../src/report/friction.js";
import type { CommandIo } from "../../src/storage/command-io.js";

const SECRET = "test-secret-0123456789";
const ENV = { PSEUDONYM_SECRET: SECRET, NODE_ENV: "test" } as NodeJS.ProcessEnv;
const NOW = new Date("2025-06-01T00:00:00Z");

let dir: string;
let file: string;
let opened = 0;
const open = async (): Promise<Storage> => {
  opened++;
  const s = new SqliteStorage(file);
  await s.migrate();
  return s;
};
const inspect = async <T>(fn: (s: Storage) => Promise<T>): Promise<T> => {
  const s = new SqliteStorage(file);
  await s.migrate();
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
};

async function run(factory: (open: () => Promise<Storage>, io: CommandIo) => Command, args: string[], extra: object = {}) {
  let out = "";
  let err = "";
  const cmd = factory(open, { out: (s) => (out += s), err: (s) => (err += s), env: ENV, now: () => NOW, ...extra });
  cmd.exitOverride();
  for (const sub of cmd.commands) sub.exitOverride();
  let code = 0;
  try {
    await cmd.parseAsync(args, { from: "user" });
  } catch (e) {
    code = (e as { exitCode?: number }).exitCode ?? 1;
  }
  return { out, err, code };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-cli-"));
  file = path.join(dir, "relais-ess.sqlite");
  opened = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const valid = {
  step: "depot",
  blocker: "outil-numerique",
  process: "appel-a-communs",
  commune: "Alès",
  description: "La plateforme refuse notre budget. Rappelez-moi au 06 12 34 56 78 ou jean.dupont@gmail.com.",
  severity: 2,
  contactOk: true,
};
const fakeResolver = (name: string) => (name === "Alès" ? { code: "30007", name: "Alès", epci: "Alès Agglomération" } : null);

describe("friction add", () => {
  it("records a valid report, scrubbed and resolved, and prints its id", async () => {
    const { out, code, err } = await run(frictionCommand, ["add", "--json", JSON.stringify(valid)], { resolveCommune: fakeResolver });
    expect(err).toBe("");
    expect(code).toBe(0);
    const id = out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [f] = await inspect(async (s) => (await s.reportData({})).frictions);
    expect(f).toMatchObject({
      id,
      step: "depot",
      process: "appel-a-communs",
      commune: "Alès",
      communeCode: "30007",
      epci: "Alès Agglomération",
      severity: 2,
      contactOk: true,
      channel: "cli",
      description: "La plateforme refuse notre budget. Rappelez-moi au [téléphone] ou [email].",
    });
    expect(f!.userHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps an unresolved commune as typed, without code", async () => {
    const { code } = await run(frictionCommand, ["add", "--json", JSON.stringify({ ...valid, commune: "Village inconnu" })], { resolveCommune: fakeResolver });
    expect(code).toBe(0);
    const [f] = await inspect(async (s) => (await s.reportData({})).frictions);
    expect(f!.commune).toBe("Village inconnu");
    expect(f).not.toHaveProperty("communeCode");
  });

  const bad: [string, unknown, RegExp][] = [
    ["unknown step", { ...valid, step: "paiement" }, /Étape inconnue : « paiement »\. Étapes possibles : information-orientation/],
    ["oversized description", { ...valid, description: "x".repeat(4001) }, /description est trop longue : 4\s001 caractères, 4\s000 au plus/],
    [
      "missing fields",
      { step: "depot", blocker: "delai" },
      /Champ manquant : le dispositif concerné \(process\)[\s\S]*Champ manquant : la commune[\s\S]*Champ manquant : l'accord pour être recontacté/,
    ],
    ["blank commune", { ...valid, commune: "   " }, /Champ manquant : la commune \(commune\)/],
    ["severity out of range", { ...valid, severity: 5 }, /gravité doit être un nombre entier : 1 \(gêne\)/],
    ["contactOk not boolean", { ...valid, contactOk: "oui" }, /recontacté doit valoir true ou false/],
    ["unknown process", { ...valid, process: "pole-emploi" }, /Dispositif inconnu : « pole-emploi »/],
    ["unknown key", { ...valid, telephone: "0612345678" }, /Champ inconnu : « telephone »/],
    ["not an object", [1, 2], /doit être un objet JSON/],
  ];
  it.each(bad)("rejects %s with a French message, exit 2, nothing written", async (_name, input, message) => {
    const { code, err, out } = await run(frictionCommand, ["add", "--json", JSON.stringify(input)], { resolveCommune: fakeResolver });
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("Le signalement n'a pas été enregistré.");
    expect(err).toMatch(message);
    expect(opened).toBe(0);
    expect(await inspect(async (s) => (await s.reportData({})).frictions)).toEqual([]);
  });

  it("rejects invalid JSON", async () => {
    const { code, err } = await run(frictionCommand, ["add", "--json", "{step: depot"]);
    expect(code).toBe(2);
    expect(err).toMatch(/--json n'est pas un JSON valide/);
    expect(opened).toBe(0);
  });

  it("requires --json", async () => {
    const { code, err } = await run(frictionCommand, ["add"]);
    expect(code).not.toBe(0);
    expect(err).toMatch(/--json/);
    expect(opened).toBe(0);
  });

  it("resolves the commune with the official geography when that module is present", async (ctx) => {
    const resolver = await defaultCommuneResolver();
    if (!resolver) ctx.skip();
    const { code, out } = await run(frictionCommand, ["add", "--json", JSON.stringify({ ...valid, commune: "ales" })]);
    expect(code).toBe(0);
    const [f] = await inspect(async (s) => (await s.reportData({})).frictions);
    expect(f!.id).toBe(out.trim());
    expect(f!.commune).toBe("Alès");
    expect(f!.communeCode).toBe("30007");
    expect(f!.epci).toBeTruthy();
  });
});

describe("purge", () => {
  const seedAges = async () =>
    inspect(async (s) => {
      const base = {
        channel: "slack" as const,
        audience: "porteur" as const,
        userHash: "u",
        conversationKey: "k",
        answer: "a",
        sources: [],
        route: null,
        refused: false,
        latencyMs: 1,
      };
      await s.recordInteraction({ ...base, question: "vieille", createdAt: "2024-01-01T00:00:00Z" });
      await s.recordInteraction({ ...base, question: "de mars", createdAt: "2025-03-01T00:00:00Z" });
      await s.recordInteraction({ ...base, question: "récente", createdAt: "2025-05-20T00:00:00Z" });
    });

  it("deletes records older than --days and reports counts", async () => {
    await seedAges();
    const { code, out } = await run(purgeCommand, ["--days", "30"]);
    expect(code).toBe(0);
    expect(out).toContain("antérieurs au 2025-05-02");
    expect(out).toContain("questions et réponses : 2");
    const left = await inspect(async (s) => (await s.reportData({})).interactions.map((i) => i.question));
    expect(left).toEqual(["récente"]);
  });

  it("uses RETENTION_DAYS by default", async () => {
    await seedAges();
    const { code, out } = await run(purgeCommand, [], { env: { ...ENV, RETENTION_DAYS: "365" } });
    expect(code).toBe(0);
    expect(out).toContain("conservation : 365 jours");
    const left = await inspect(async (s) => (await s.reportData({})).interactions.map((i) => i.question));
    expect(left).toEqual(["de mars", "récente"]);
  });

  it("rejects a bad --days", async () => {
    for (const bad of ["0", "-3", "abc", "1.5"]) {
      const { code, err } = await run(purgeCommand, ["--days", bad]);
      expect(code).toBe(2);
      expect(err).toMatch(/--days doit être un nombre entier/);
    }
    expect(opened).toBe(0);
  });
});

describe("forget", () => {
  it("erases the records of one person, found through the pseudonym only", async () => {
    const alice = userHash("slack", "U0ALICE", SECRET);
    const bob = userHash("slack", "U0BOB", SECRET);
    await inspect(async (s) => {
      const base = { channel: "slack" as const, audience: "porteur" as const, answer: "a", sources: [], route: null, refused: false, latencyMs: 1 };
      const i = await s.recordInteraction({ ...base, userHash: alice, conversationKey: "slack:c:alice", question: "q" });
      await s.recordRating({ interactionId: i, userHash: alice, value: "down" });
      await s.recordFriction({ ...valid, userHash: alice, channel: "slack" } as never);
      await s.recordInteraction({ ...base, userHash: bob, conversationKey: "slack:c:bob", question: "q" });
    });
    const { code, out } = await run(forgetCommand, ["--user", "U0ALICE", "--channel", "slack"]);
    expect(code).toBe(0);
    expect(out).not.toContain("U0ALICE");
    expect(out).toMatch(/3 enregistrement\(s\) supprimé\(s\)/);
    const data = await inspect((s) => s.reportData({}));
    expect(data.interactions.map((i) => i.userHash)).toEqual([bob]);
    expect(data.ratings).toEqual([]);
    expect(data.frictions).toEqual([]);
  });

  it("without --channel, looks through every channel", async () => {
    await inspect(async (s) => {
      const base = { audience: "agent" as const, answer: "a", sources: [], route: null, refused: false, latencyMs: 1, conversationKey: "k", question: "q" };
      await s.recordInteraction({ ...base, channel: "teams", userHash: userHash("teams", "29:abc", SECRET) });
      await s.recordInteraction({ ...base, channel: "slack", userHash: userHash("slack", "29:abc", SECRET) });
    });
    const { code } = await run(forgetCommand, ["--user", "29:abc"]);
    expect(code).toBe(0);
    expect((await inspect((s) => s.reportData({}))).interactions).toEqual([]);
  });

  it("rejects an unknown channel", async () => {
    const { code, err } = await run(forgetCommand, ["--user", "U1", "--channel", "fax"]);
    expect(code).toBe(2);
    expect(err).toMatch(/canal inconnu « fax »/);
    expect(opened).toBe(0);
  });
});

describe("configuration errors", () => {
  it("forget in production without PSEUDONYM_SECRET fails clearly, exit 1, nothing opened", async () => {
    const { code, err } = await run(forgetCommand, ["--user", "U1"], { env: { NODE_ENV: "production" } });
    expect(code).toBe(1);
    expect(err).toMatch(/Erreur de configuration : PSEUDONYM_SECRET est obligatoire en production/);
    expect(opened).toBe(0);
  });

  it("purge with an invalid RETENTION_DAYS fails clearly", async () => {
    const { code, err } = await run(purgeCommand, [], { env: { ...ENV, RETENTION_DAYS: "un an" } });
    expect(code).toBe(1);
    expect(err).toMatch(/RETENTION_DAYS doit être un nombre entier/);
  });
});

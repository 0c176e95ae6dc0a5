/** `handoffs list` and `handoffs reply` on a real SQLite file, then the person sees the answer in their conversation. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Command } from "commander";
import { handoffsCommand } from "../../src/cli/commands/handoffs.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/types.js";
import type { CommandIo } from "../../src/storage/command-io.js";

let dir: string;
let file: string;
const open = async (): Promise<Storage> => {
  const s = new SqliteStorage(file);
  await s.migrate();
  return s;
};

async function run(args: string[]) {
  let out = "";
  let err = "";
  const io: CommandIo = { out: (s) => (out += s), err: (s) => (err += s) };
  const cmd: Command = handoffsCommand(open, io);
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

async function seed(): Promise<string> {
  const s = await open();
  const h = await s.createHandoff({
    process: "dla",
    userHash: "u-cli",
    channel: "web",
    conversationKey: "web:c:-:u-cli",
    summary: "Questions posées :\n- Qu'est-ce que le DLA ?",
    question: "Qu'est-ce que le DLA ?",
    facts: {},
    sources: [],
    replyVia: "conversation",
  });
  await s.createHandoff({
    process: "agrement-esus",
    userHash: "u-cli-2",
    channel: "slack",
    conversationKey: "slack:c2:-:u-cli-2",
    summary: "ESUS",
    facts: {},
    sources: [],
  });
  await s.close();
  return h.id;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-handoffs-"));
  file = path.join(dir, "relais-ess.sqlite");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("handoffs command", () => {
  it("lists open handoffs, answers one by its short reference, then lists it answered; a second answer is refused", async () => {
    const id = await seed();
    const listed = await run(["list", "--open"]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(id.slice(0, 8));
    expect(listed.out).toContain("Dispositif local d'accompagnement (DLA)");
    const json = JSON.parse((await run(["list", "--json"])).out) as any[];
    expect(json).toHaveLength(2);
    expect(JSON.stringify(json)).not.toMatch(/u-cli|userHash|conversationKey/);

    const r = await run(["reply", id.slice(0, 8), "--text", "Le DLA du Gard vous contacte.", "--agent", "Camille"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Réponse enregistrée/);
    const after = JSON.parse((await run(["list", "--json"])).out) as any[];
    expect(after.find((h) => h.id === id)).toMatchObject({ status: "resolved", reply: { agent: "Camille", text: "Le DLA du Gard vous contacte." } });
    expect((await run(["list", "--open"])).out).not.toContain(id.slice(0, 8));

    const again = await run(["reply", id, "--text", "Autre"]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/déjà reçu une réponse de Camille/);
  });

  it("shows the team the e-mail given with consent while the handoff is open, never in JSON; answering erases it", async () => {
    const s = await open();
    const h = await s.createHandoff({
      process: "dla",
      userHash: "u-cli-mail",
      channel: "teams",
      conversationKey: "teams:c3:-:u-cli-mail",
      summary: "Réponse souhaitée : par e-mail (adresse donnée avec son accord).",
      facts: {},
      sources: [],
      replyVia: "email",
    });
    await s.setHandoffContact(h.id, "email", "ada.lovelace@exemple.fr");
    await s.close();
    const listed = await run(["list", "--open"]);
    expect(listed.out).toContain("Répondre par e-mail à : ada.lovelace@exemple.fr");
    expect((await run(["list", "--json"])).out).not.toContain("ada.lovelace");
    const r = await run(["reply", h.id, "--text", "Je vous ai écrit.", "--agent", "Camille"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/l'adresse e-mail de la personne a été effacée/);
    expect((await run(["list"])).out).not.toContain("ada.lovelace");
    const check = await open();
    expect(await check.getHandoffContacts(h.id)).toEqual({});
    await check.close();
  });

  it("usage errors exit with code 2 and a French message", async () => {
    await seed();
    const missing = await run(["reply", "abcdef12", "--text", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/aucune demande/);
    const empty = await run(["reply", "abcdef12", "--text", "   "]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/vide/);
    const noText = await run(["reply", "abcdef12"]);
    expect(noText.code).not.toBe(0);
  });
});

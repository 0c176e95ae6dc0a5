/**
 * Conversation state on SQLite: a questionnaire started by one assistant is
 * resumed by a new assistant instance on the same database file, and the
 * records written before are still there.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/conversation/assistant.js";
import { Reply } from "../../src/domain/reply.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import { SECRET, buildCore, type TestCore } from "./helpers.js";

let core: TestCore;
let file: string;

beforeAll(async () => {
  core = await buildCore();
  file = path.join(core.dataDir, "conversation.sqlite");
}, 120_000);

afterAll(async () => {
  await core?.cleanup();
});

async function open(): Promise<SqliteStorage> {
  const s = new SqliteStorage(file);
  await s.migrate();
  return s;
}

describe("state persists on SQLite", () => {
  it("a new assistant on the same file resumes the questionnaire and finds the interaction", async () => {
    const base = { channel: "teams" as const, conversationId: "19:abc@thread.tacv2", threadId: "1700000000", userId: "29:aad-user" };

    const s1 = await open();
    const a1 = createAssistant({ answerer: core.runtime.answerer, storage: s1, pseudonymSecret: SECRET });
    const q = Reply.parse(await a1.handle({ ...base, text: "Qu'est-ce que le DLA ?" }));
    expect(q.interactionId).toBeTruthy();
    const p1 = await a1.handle({ ...base, text: "nous sommes une association à Alès, sommes-nous éligibles ?" });
    expect(p1.type).toBe("prompt");
    const pending = p1.prompt!.field;
    expect(["legalForm", "commune"]).not.toContain(pending);
    await s1.close();

    const s2 = await open();
    const a2 = createAssistant({ answerer: core.runtime.answerer, storage: s2, pseudonymSecret: SECRET });
    // The pending question survives: an interleaved question is followed by the same one.
    const resumed = await a2.handle({ ...base, text: "c'est quoi l'appel à communs ?" });
    expect(resumed.prompt?.field).toBe(pending);
    // The rating of the answer given by the first instance is joined to its interaction.
    const rated = await a2.handle({ ...base, action: { id: "rate-up", value: q.interactionId } });
    expect(rated.type).toBe("info");
    const data = await s2.reportData({});
    expect(data.ratings.map((r) => r.interactionId)).toContain(q.interactionId);
    expect((await s2.getInteraction(q.interactionId!))?.question).toBe("Qu'est-ce que le DLA ?");
    // And the handoff summary carries the facts collected by the first instance.
    const h = await a2.handle({ ...base, action: { id: "handoff", value: "conversation" } });
    expect(h.type).toBe("handoff");
    expect(h.handoff!.facts).toMatchObject({ legalForm: "association", commune: "Alès" });
    await s2.close();

    // A different secret means a different (pseudonymous) person: no shared state.
    const s3 = await open();
    const a3 = createAssistant({ answerer: core.runtime.answerer, storage: s3, pseudonymSecret: `${SECRET}-other` });
    const other = await a3.handle({ ...base, text: "3" });
    expect(other.type).not.toBe("prompt");
    await s3.close();
  });
});

/**
 * On a near tie between a card saying the answer is not published and a card that answers,
 * both about a document retrieval found, the card that answers leads (a first question; a
 * follow-up keeps the order, its matches being inflated by the topic's words).
 */
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR, type TestRuntime, tempDir, testConfig, testRuntime } from "./helpers.js";

const PHRASINGS = [
  "Quelles idées sur les jeunes la concertation a-t-elle fait remonter ?",
  "la concertation a dit quoi sur les jeunes",
  "What did the consultation say about young people?",
  "Les ateliers ont-ils parlé des jeunes ?",
  "Qu'est-ce qui est remonté des ateliers sur la jeunesse ?",
];

function card(id: string, answer: string, lacune: boolean): string {
  return `---
id: ${id}
questions:
${PHRASINGS.map((q) => `  - "${q}"`).join("\n")}
answer: "${answer}"
sources: [concertation]
audience: all
status: confirmed
updated: 2026-12-05
${lacune ? "lacune: true\n" : ""}---
`;
}

let tmp: { dir: string; remove(): void };
let rt: TestRuntime;
beforeAll(async () => {
  tmp = tempDir("relais-lacune-tie-");
  const knowledge = path.join(tmp.dir, "knowledge");
  cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true });
  // Same phrasings: the two cards tie; the "not published" one is read first.
  writeFileSync(
    path.join(knowledge, "reponses", "schema", "rep-aaa-test-jeunes-non-publie.md"),
    card("rep-aaa-test-jeunes-non-publie", "Ce n'est pas publié : les propositions des ateliers sur les jeunes ne sont dans aucune source.", true),
  );
  writeFileSync(
    path.join(knowledge, "reponses", "schema", "rep-zzz-test-jeunes-reponse.md"),
    card("rep-zzz-test-jeunes-reponse", "Les ateliers ont proposé des actions de sensibilisation à l'ESS pour les jeunes, dans les collèges.", false),
  );
  rt = await testRuntime({ config: (dataDir) => testConfig(dataDir, { KNOWLEDGE_DIR: knowledge }) });
}, 120_000);
afterAll(async () => {
  await rt?.close();
  tmp?.remove();
});

describe("a card that answers against a « not published » card on a near tie", () => {
  it("leads with the card that answers", async () => {
    const reply = await rt.runtime.assistant.ask("Quelles idées sur les jeunes la concertation a-t-elle fait remonter ?", { audience: "agent" });
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/sensibilisation à l'ESS pour les jeunes/);
  });
});

/** The team's handoff card in Teams: its states, its answer form, and its size at the limits. */
import { describe, expect, it } from "vitest";
import { HANDOFF_REPLY_INPUT, handoffAnswerCard, handoffCard } from "../../src/channels/teams/handoff-card.js";
import { cardMessage, MAX_ACTIVITY_BYTES } from "../../src/channels/teams/render.js";
import type { HandoffRecord } from "../../src/storage/types.js";
import { cardTexts, findAll } from "../support/teams.js";

const base: HandoffRecord = {
  id: "0b5e2c1a-1111-4222-8333-444455556666",
  createdAt: "2026-12-04T09:30:00.000Z",
  status: "open",
  process: "dla",
  userHash: "u",
  channel: "teams",
  conversationKey: "k",
  summary: "Questions posées dans la conversation :\n- Qu'est-ce que le DLA ?",
  question: "Qu'est-ce que le DLA ?",
  facts: { employees: 3, legalForm: "association" },
  sources: ["dla-gard"],
  replyVia: "conversation",
};
const bytes = (o: unknown) => Buffer.byteLength(JSON.stringify(o), "utf8");

describe("the team's handoff card (Teams)", () => {
  it("open: « Répondre » shows a required answer form (Adaptive Cards 1.5) and « Marquer comme traité »", () => {
    const card = handoffCard(base);
    expect(card.version).toBe("1.5");
    const [reply, resolve] = card.actions as any[];
    expect(reply).toMatchObject({ type: "Action.ShowCard", title: "Répondre" });
    const input = findAll(reply.card, (o) => o.type === "Input.Text")[0]!;
    expect(input).toMatchObject({ id: HANDOFF_REPLY_INPUT, isRequired: true, isMultiline: true, maxLength: 4000, label: "Votre réponse" });
    expect(typeof input.errorMessage).toBe("string");
    expect(findAll(reply.card, (o) => o.type === "Action.Submit")[0]!.data).toEqual({ relais: "reply-handoff", handoffId: base.id });
    expect(resolve).toMatchObject({ type: "Action.Submit", title: "Marquer comme traité", data: { relais: "resolve-handoff", handoffId: base.id } });
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("À traiter");
    expect(texts).toContain("Canal : ");
    expect(texts).toContain("Teams");
    expect(texts).not.toMatch(/dla-gard/); // sources by title in the summary, never internal ids
  });

  it("shows the e-mail given with consent while open, and no longer once answered", () => {
    const email = { ...base, replyVia: "email" as const };
    const open = cardTexts(handoffCard(email, { contact: { kind: "email", value: "ada@exemple.fr" } })).join("\n");
    expect(open).toContain("ada@exemple.fr");
    expect(open).toContain("Donné avec l'accord de la personne");
    expect(open).toMatch(/réponse par e-mail/);
    const answered = { ...email, status: "resolved" as const, reply: { text: "Écrit ce jour.", agent: "Camille", at: "2026-12-04T10:00:00.000Z" } };
    const after = handoffCard(answered, { contact: { kind: "email", value: "ada@exemple.fr" } });
    expect(cardTexts(after).join("\n")).not.toContain("ada@exemple.fr");
    expect(cardTexts(after).join("\n")).toContain("Réponse donnée par e-mail ; l'adresse a été effacée.");
    // Answered: only « Enregistrer comme réponse type » (no « Répondre », no « Marquer comme traité »).
    expect((after.actions ?? []).map((a: any) => a.data?.relais)).toEqual(["teach-handoff"]);
  });

  it("answered: who, when, what, and whether it reached the person; no answer button", () => {
    const answered: HandoffRecord = {
      ...base,
      status: "resolved",
      reply: { text: "Le DLA vous rappelle.", agent: "Camille", at: "2026-12-04T10:00:00.000Z" },
      replyDeliveredAt: "2026-12-04T10:00:01.000Z",
    };
    const card = handoffCard(answered);
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("Répondu par Camille le 4 décembre 2026 à 11:00");
    expect(texts).toContain("Le DLA vous rappelle.");
    expect(texts).toContain("Transmise à la personne dans sa conversation le 4 décembre 2026 à 11:00.");
    expect((card.actions ?? []).map((a: any) => a.data?.relais)).toEqual(["teach-handoff"]);
    expect(cardTexts(handoffCard({ ...answered, replyDeliveredAt: undefined })).join("\n")).toContain("à son prochain message");
  });

  it("agents' and people's text stays literal (TextRuns), and the largest card fits one Teams message", () => {
    // A template expression, on purpose: it must stay literal text.
    const hostile = `**gras** [lien](https://x.example) ${"$"}{expression} <at>Quelqu'un</at>`;
    const huge: HandoffRecord = {
      ...base,
      summary: `${"Une très longue question sur le DLA. ".repeat(400)}`,
      question: "q".repeat(5000),
      status: "resolved",
      reply: { text: `${hostile} ${"é".repeat(4000)}`, agent: "A".repeat(120), at: "2026-12-04T10:00:00.000Z" },
    };
    const answered = handoffCard(huge);
    const open = handoffCard({ ...huge, reply: undefined, status: "open" });
    const toPerson = handoffAnswerCard(huge);
    for (const card of [answered, open, toPerson]) {
      expect(bytes(cardMessage(card))).toBeLessThan(MAX_ACTIVITY_BYTES);
      expect(findAll(card, (o) => o.type === "TextBlock" && String(o.text).includes("**gras**"))).toEqual([]);
    }
    for (const card of [answered, toPerson]) {
      const run = findAll(card, (o) => o.type === "TextRun" && String(o.text).includes("**gras**"))[0];
      expect(String(run?.text)).toContain(hostile);
    }
  });

  it("the person's card carries the answer and who gave it", () => {
    const answered = { ...base, status: "resolved" as const, reply: { text: "Le DLA vous rappelle.", agent: "Camille", at: base.createdAt } };
    const texts = cardTexts(handoffAnswerCard(answered)).join("\n");
    expect(texts).toContain("Réponse de l'équipe ESS");
    expect(texts).toContain("Le DLA vous rappelle.");
    expect(texts).toContain("Par Camille");
    expect(texts).toContain("référence 0b5e2c1a");
  });
});

/**
 * Every CPU step of a turn is computed in its priority's turn on the answers' queue, not only
 * the ordinary answer: the project-fit reading and the follow-up reading too. Under load, Slack
 * turns (background: the person already has the acknowledgement) must not compute ahead of a
 * person waiting on an open request (interactive: the JSON API, the playground, Teams).
 */
import { describe, expect, it } from "vitest";
import { sharedCore, uid } from "./helpers.js";

const core = sharedCore();

/** Project descriptions: their reply is the project-fit one, which never reaches the answerer's own queue step. */
const PROJECTS = [
  "Nous sommes trois associations à Alès et nous voulons créer ensemble un tiers-lieu avec une recyclerie : quelle aide du Département ?",
  "Une épicerie solidaire en SCIC à Saint-Ambroix cherche des fonds propres pour se développer, qui peut nous aider ?",
  "On monte une coopérative de livraison à vélo à Nîmes, on a besoin d'un prêt pour démarrer, vers qui aller ?",
  "Notre association d'insertion au Vigan veut embaucher deux salariés en parcours, quel accompagnement existe ?",
  "Je veux créer une entreprise solidaire de réparation d'électroménager à Bagnols-sur-Cèze, par où commencer ?",
  "Trois structures de l'ESS à Beaucaire veulent monter un garage solidaire partagé, comment financer le projet ?",
];

async function completionOrder(texts: { text: string; priority: "interactive" | "background"; label: string }[]): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(
    texts.map(({ text, priority, label }) =>
      core.runtime.assistant
        .handle({ channel: priority === "background" ? "slack" : "web", conversationId: uid(), userId: uid("user"), text, priority })
        .then((reply) => {
          expect(reply.fit?.length, `${label} : réponse d'adéquation attendue`).toBeGreaterThan(0);
          order.push(label);
        }),
    ),
  );
  return order;
}

describe("a turn's CPU work in its priority's turn", () => {
  it("computes a person's project reading before the Slack turns that arrived just before it", async () => {
    // Warm-up (the first readings compile the code): not measured.
    await completionOrder(PROJECTS.map((text, i) => ({ text, priority: "interactive", label: `w${i}` })));
    const order = await completionOrder([
      ...PROJECTS.map((text, i) => ({ text, priority: "background" as const, label: `slack-${i}` })),
      { text: PROJECTS[0]!, priority: "interactive", label: "waiting" },
    ]);
    expect(order).toHaveLength(PROJECTS.length + 1);
    // Slack answers are computed one at a time: at most the one already started finishes first.
    expect(order.indexOf("waiting")).toBeLessThanOrEqual(1);
  });

  it("reads a follow-up in its priority's turn too", async () => {
    const base = { channel: "web" as const, conversationId: uid(), userId: uid("user") };
    await core.runtime.assistant.handle({ ...base, text: "C'est quoi Gard centrale ?" });
    const order: string[] = [];
    await Promise.all([
      ...PROJECTS.map((text, i) =>
        core.runtime.assistant
          .handle({ channel: "slack", conversationId: uid(), userId: uid("user"), text, priority: "background" })
          .then(() => order.push(`slack-${i}`)),
      ),
      core.runtime.assistant.handle({ ...base, text: "c'est gratuit ?", priority: "interactive" }).then((reply) => {
        expect(reply.refused).toBe(false);
        order.push("follow-up");
      }),
    ]);
    expect(order.indexOf("follow-up")).toBeLessThanOrEqual(1);
  });
});

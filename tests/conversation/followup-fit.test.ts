/**
 * A follow-up read with its topic gets the project-fit answer only when it speaks of the person's own project (first
 * person): a question about the topic in the third person (« et une SARL peut y entrer ? ») is the answerer's.
 */
import { describe, expect, it } from "vitest";
import { answer } from "../../src/conversation/question.js";
import { Reply } from "../../src/domain/reply.js";

const plain = Reply.parse({ type: "answer", text: "Réponse ordinaire.", refused: false });
const fitted = Reply.parse({ type: "answer", text: "Pour ce projet, la piste principale est…", refused: false });

function deps() {
  const calls: { own: string; loose: boolean }[] = [];
  return {
    calls,
    d: {
      answerer: { ask: async () => plain, schedule: <T>(work: () => Promise<T>) => work() },
      fit: {
        reply: async (own: string, o: { loose?: boolean }) => {
          calls.push({ own, loose: Boolean(o.loose) });
          return { reply: fitted };
        },
      },
    } as unknown as Parameters<typeof answer>[0],
  };
}

describe("the project-fit answer to a follow-up", () => {
  it("is not given to a question about the topic in the third person", async () => {
    const { d, calls } = deps();
    const own = "et une SARL ordinaire peut y entrer ?";
    const r = await answer(d, `${own} — Quelle loi encadre l'économie sociale et solidaire ?`, {}, own);
    expect(r.reply.text).toBe(plain.text);
    expect(calls).toEqual([]);
  });

  it("is given to a follow-up that speaks of the person's own project", async () => {
    const { d } = deps();
    const own = "et si on le monte avec deux autres associations du village ?";
    const r = await answer(d, `${own} — Appel à communs (plateforme Gard centrale)`, {}, own);
    expect(r.reply.text).toBe(fitted.text);
  });

  it("is given to a first message describing a project, as before", async () => {
    const { d } = deps();
    const q = "Une SARL de menuiserie cherche une aide pour embaucher";
    const r = await answer(d, q, {}, q);
    expect(r.reply.text).toBe(fitted.text);
  });
});

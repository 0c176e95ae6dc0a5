/**
 * A law named by a word that is otherwise a function word (the loi NOTRe, « notre », which the search drops): asked when it dates
 * from, it is answered with that law, not with the other law the question's remaining words (« loi », « date ») match.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const rt = sharedRuntime();

describe("a question naming the loi NOTRe gets that law", () => {
  it("its year, however written", async () => {
    for (const q of ["la loi notre c'est de quelle année ?", "Elle a été votée quand, la loi NOTRe ?", "When was the NOTRe law adopted?"]) {
      const r = await rt.runtime.answerer.ask(q, { audience: "porteur" });
      expect(r.text, q).toMatch(/2015/);
      expect(r.text, q).not.toMatch(/2014-856/);
    }
  });
  it("its date, answered with the card on the law, goes to the Region", async () => {
    const r = await rt.runtime.answerer.ask("La loi NOTRe, elle date de quand exactement ?", { audience: "porteur" });
    expect(r.text).toMatch(/2015/);
    expect(r.route?.process).toBe("region-occitanie");
  });
  it("near miss: the ESS law's date stays the ESS law's", async () => {
    for (const q of ["la loi ESS date de quand ?", "notre loi sur l'ESS, elle a été votée quand ?"]) {
      const r = await rt.runtime.answerer.ask(q, { audience: "porteur" });
      expect(r.text, q).toMatch(/2014/);
    }
  });
});

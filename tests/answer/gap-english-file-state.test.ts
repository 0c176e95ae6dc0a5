/**
 * The state of one's own file asked in English as "where it stands" (the English of « où en est notre dossier ? »,
 * knowledge/lacunes.yaml): a known gap; the same words about a rule or a published fact are not.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gapOf = (q: string) => guards.gap(q)?.id ?? null;

describe("where one's own file stands, asked in English", () => {
  it("a request sent, then where it stands", () => {
    expect(gapOf("We submitted our request to the DDETS last month, could you tell us where it stands?")).toMatch(/^suivi-/);
    expect(gapOf("I applied in March; can you see where my application stands?")).toMatch(/^suivi-/);
  });

  it("near misses: no file of one's own, or a published fact", () => {
    expect(gapOf("Where does the Gard stand among departments for social economy jobs?")).toBeNull();
    expect(gapOf("How long is the ESUS approval valid for?")).toBeNull();
  });
});

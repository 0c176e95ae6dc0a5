/**
 * How long a partner takes to answer, what its service costs and the rate it lends at are published for none of the
 * lending or advising partners (the Adie, France Active, BGE, the DLA…): asked as a follow-up after that partner
 * (« et en combien de temps on a la réponse ? », « et ça coûte combien ? », « et leur taux d'intérêt ? »), they are refused and
 * handed to that partner's process rather than answered with the partner's presentation. The durations, prices and rates
 * the sources give stay answered: the ESUS approval's implicit acceptance, the incubation's length, the DLA being free,
 * the honour loan's zero rate. Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";
import { conversation, sharedCore } from "./helpers.js";

const guards = Guards.load();
const gapOf = (q: string, own?: string) => guards.gap(q, own)?.id ?? null;

describe("a partner's delays, costs and rates, as gaps", () => {
  it.each([
    ["Sous combien de temps France Active rend sa décision sur une garantie ?", "delai-reponse-partenaires"],
    ["How long does the Adie take to answer a microloan request?", "delai-reponse-partenaires"],
    ["Quels sont les frais de dossier de l'Adie pour un microcrédit ?", "cout-services-partenaires"],
    ["How much does the incubator charge? what are the fees?", "cout-services-partenaires"],
    // published durations, prices and rates
    ["En combien de temps l'agrément ESUS est-il réputé accordé ?", null],
    ["Combien de temps dure l'incubation chez Alter'Incub ?", null],
    ["Est-ce que le DLA est gratuit ?", null],
    ["Le prêt d'honneur d'Initiative Gard est-il à taux zéro ?", null],
  ])("« %s » → %s", (q, gap) => {
    expect(gapOf(q)).toBe(gap);
  });

  it("reads a follow-up's own question with its topic", () => {
    expect(gapOf("et en combien de temps ils répondent ? — L'Adie prête jusqu'à combien ?", "et en combien de temps ils répondent ?")).toBe(
      "delai-reponse-partenaires",
    );
    // after the honour loan, the rate is published (zero): a bare « à quel taux ? » is no gap, whichever lenders the
    // conversation named beside it
    expect(gapOf("à quel taux ? — Initiative Gard prête jusqu'à combien ?", "à quel taux ?")).toBeNull();
    expect(gapOf("à quel taux ? — Un prêt d'honneur de l'Adie ou d'Initiative Gard, c'est quoi ?", "à quel taux ?")).toBeNull();
  });
});

const core = sharedCore();

describe("asked in a conversation about that partner", () => {
  it.each([
    ["L'Adie prête jusqu'à combien ?", "et ils répondent en combien de temps ?", "pret-honneur-microcredit"],
    ["L'Adie prête jusqu'à combien ?", "et leur taux d'intérêt ?", "pret-honneur-microcredit"],
    ["France Active peut garantir un emprunt bancaire ?", "ok et ça coûte combien ?", "france-active"],
  ])("after « %s », « %s » is refused and handed to %s", async (first, then, process) => {
    const c = conversation(core.runtime.assistant);
    await c.say(first);
    const r = await c.say(then);
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe(process);
  });

  it("keeps answering what the sources give about that partner", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Initiative Gard fait des prêts d'honneur ?");
    const r = await c.say("et à quel taux ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/taux z[ée]ro/);
  });
});

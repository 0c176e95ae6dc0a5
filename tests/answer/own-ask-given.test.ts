/**
 * What a message itself asks of a precise kind (a sum of money put in, the members of a body, a contact at an office,
 * what is reserved to whom, one's own award, a legal verdict on one's own case) is given only by a text that says it;
 * a follow-up carries its topic's words, and the topic's passages hold them without giving what it asks. Wordings
 * written for this test, in several registers and both languages, none taken from an evaluation set, with near misses.
 */
import { describe, expect, it } from "vitest";
import { askedSlots, fillsAskedSlots } from "../../src/answer/asked-slot.js";
import { Guards } from "../../src/answer/guards.js";
import { asksMoneyPut, givesMoney } from "../../src/answer/cards.js";
import { asksOwnOutcome } from "../../src/answer/own-outcome.js";
import { asksOwnVerdict } from "../../src/answer/own-verdict.js";

describe("the members of a body, a contact at an office, what is reserved", () => {
  const cases: [string, string[]][] = [
    ["Et qui sont ses membres, à ce club ?", ["role-holder"]],
    ["who are their members?", ["role-holder"]],
    ["ok et qui en fait partie ?", ["members"]],
    ["Which organisations are in it?", ["members"]],
    ["Et parmi elles, lesquelles sont réservées aux coopératives ?", ["reserved"]],
    ["Which of these grants are restricted to associations?", ["reserved"]],
    ["So who should we call at their Alès office?", ["office-contact"]],
    ["je m'adresse à qui à leur antenne de Nîmes ?", ["office-contact"]],
    ["on contacte qui chez eux ?", ["office-contact"]],
    // a person of one's own, by role
    ["Qui sera notre chargée de mission au DLA ?", ["role-holder"]],
    ["Who will be my adviser at the Adie?", ["role-holder"]],
    // near misses: a rule, a way in, a whole body
    ["Comment devenir membre du réseau ?", []],
    ["Les marchés réservés, ça marche comment ?", []],
    ["Qui contacter pour une garantie bancaire ?", []],
    ["Who do we talk to about the call for commons?", []],
    ["Qui peut adhérer au club achat ?", []],
    ["Le microcrédit est-il réservé aux chômeurs ?", []],
    ["Quel montant est réservé chaque année aux projets de quartier ?", []],
    ["Qui sont les acteurs de l'ESS dans le Gard ?", []],
    // which ones of a kind took part or signed: their names
    ["Et quels mécènes étaient présents ce jour-là ?", ["named-participants"]],
    ["Lesquelles ont signé la charte ?", ["named-participants"]],
    ["Which towns have joined?", ["named-participants"]],
    // near misses: who may take part, a count of those present
    ["Quelles associations peuvent participer ?", []],
    ["Combien de structures étaient présentes ?", []],
    ["Quelle était la place des coopératives dans ce plan ?", []],
  ];
  for (const [q, slots] of cases) it(`${q} → ${slots.join(", ") || "none"}`, () => expect(askedSlots(q)).toEqual(slots));

  it("those who took part are named by a list of names, not by a presentation of the event", () => {
    const event = "Le Département a organisé avec la MIESS une rencontre entre associations et financeurs privés, à Nîmes. [1]";
    expect(fillsAskedSlots("Quelles fondations étaient présentes ?", event)).toBe(false);
    expect(fillsAskedSlots("Quelles fondations étaient présentes ?", "La Fondation Orange, la Fondation Carasso et Le Crédit Coopératif étaient là. [1]")).toBe(
      true,
    );
    expect(fillsAskedSlots("Which of them have signed?", "Alès Agglomération and Nîmes Métropole have signed. [1]")).toBe(true);
  });

  it("a text presenting the body without its members, contacts or restrictions gives none", () => {
    const network = "Un premier noyau du réseau a été constitué en 2024 ; il doit relier les acteurs du territoire. [1]";
    expect(fillsAskedSlots("Who are its members?", network)).toBe(false);
    expect(fillsAskedSlots("Who are its members?", "Le réseau compte douze membres, dont la CRESS et deux SCOP. [1]")).toBe(true);
    const team = "The Département's ESS team is the default contact for the plan and its measures. [1]";
    expect(fillsAskedSlots("Who do I contact at their Nîmes office?", team)).toBe(false);
    expect(fillsAskedSlots("Who do I contact at their Nîmes office?", "Une chargée de mission reçoit à Nîmes, au 04 66 00 00 00. [1]")).toBe(true);
    const actions = "Le Mois de l'ESS et les Rencontres du mécénat font connaître l'ESS au grand public. [1]";
    expect(fillsAskedSlots("Lesquelles sont réservées aux structures de l'ESS ?", actions)).toBe(false);
    expect(fillsAskedSlots("Lesquelles sont réservées aux structures de l'ESS ?", "Certains marchés sont réservés aux entreprises d'insertion. [1]")).toBe(
      true,
    );
  });
});

describe("a sum of money put in or had", () => {
  it("is asked with the verb first as well", () => {
    expect(asksMoneyPut("Et la Région, elle a mis combien ?")).toBe(true);
    expect(asksMoneyPut("ils versent cb au total ?")).toBe(true);
    expect(asksMoneyPut("Combien d'argent pour tout le plan ?")).toBe(true);
    // a count, a length of time
    expect(asksMoneyPut("ils ont mis combien de temps à répondre ?")).toBe(false);
    expect(asksMoneyPut("Ils ont mis combien de projets en route ?")).toBe(false);
  });
  it("is given by euros, not by a share of jobs or of the capital someone holds", () => {
    const share = "L'ESS représente 12 % de l'emploi salarié du Gard. [1]";
    expect(givesMoney(share, "How much money does it have?")).toBe(false);
    expect(givesMoney("Le plan est doté de 2 millions d'euros. [1]", "How much money does it have?")).toBe(true);
    expect(givesMoney("Les collectivités détiennent jusqu'à 50 % du capital. [1]", "Et le Département, il a mis combien ?")).toBe(false);
    expect(givesMoney("Les collectivités détiennent jusqu'à 50 % du capital. [1]", "Il peut mettre combien au maximum ?")).toBe(true);
    expect(givesMoney("La coopérative prélève 10 % du chiffre d'affaires. [1]", "combien ils prennent ?")).toBe(true);
    expect(givesMoney("L'accompagnement est gratuit. [1]", "ça coûte combien ?")).toBe(true);
  });
});

describe("one's own award asked with the verb first", () => {
  const cases: [string, boolean][] = [
    ["Pour notre recyclerie, on aura combien de la Région ?", true],
    ["et nous, on touchera combien de postes aidés ?", true],
    ["on va recevoir cb ?", true],
    // a rule, a length of time, a count of what the scheme funds
    ["On aura combien de temps pour rendre le bilan ?", false],
    ["Au plus, on pourra obtenir combien ?", false],
    ["Le fonds finance combien de structures par an ?", false],
  ];
  for (const [q, own] of cases) it(`${q} → ${own}`, () => expect(asksOwnOutcome(q)).toBe(own));
});

describe("a legal or tax verdict on one's own case", () => {
  const cases: [string, boolean][] = [
    ["Le local que la mairie nous prête, c'est une aide d'État ou pas ?", true],
    ["Franchement, notre convention avec la commune est-elle légale ?", true],
    ["Would our subsidy from the town count as state aid?", true],
    ["La prime que je touche est imposable ?", true],
    // the rule without one's own case, a possibility, a definition
    ["Une mise à disposition gratuite de locaux est-elle une aide d'État ?", false],
    ["Notre SCOP peut-elle bénéficier d'aides de minimis ?", false],
    ["On a eu une subvention : c'est quoi une aide d'État au juste ?", false],
    ["Is a municipal grant state aid?", false],
  ];
  for (const [q, own] of cases) it(`${q} → ${own}`, () => expect(asksOwnVerdict(q)).toBe(own));
});

describe("the known gaps read these by their meaning", () => {
  const guards = Guards.load();
  const gapOf = (q: string) => guards.gap(q)?.id ?? null;
  it("a verdict on one's own case, one's own award", () => {
    expect(gapOf("Le prêt à taux zéro que la commune nous a fait, c'est une aide d'État ou pas ?")).toBe("verdict-sur-son-cas");
    expect(gapOf("et pour notre épicerie, on aura combien de la Région ?")).toBe("issue-de-sa-demande");
    expect(gapOf("Qu'est-ce qu'une aide d'État ?")).toBe(null);
  });
  it("where the consultation's workshops were held, and where the known axis titles come from, are published", () => {
    expect(gapOf("Dans quels territoires se sont tenus les ateliers territoriaux ?")).toBe(null);
    expect(gapOf("Sommières, elle relève de quel territoire de la concertation ?")).toBe("territoires-concertation-communes");
    expect(gapOf("Les noms des axes, d'où viennent-ils ? C'est le texte officiel du schéma ?")).toBe(null);
    expect(gapOf("Où trouver le texte officiel du schéma ?")).toBe("document-officiel-schema");
  });
});

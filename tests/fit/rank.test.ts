/**
 * Ranking the options of a project: the needs of the links file and the router's
 * candidates give the order, the eligibility engine's verdict on the known facts
 * lowers an option that is ruled out, and two to three options are kept.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { rankAll, rankOptions } from "../../src/fit/rank.js";
import type { RouteCandidate } from "../../src/routing/router.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);
const rank = (text: string, candidates: RouteCandidate[] = []) => rankOptions(projectFeatures(text, links), candidates);
const option = (text: string, process: string) => rankAll(projectFeatures(text, links), []).find((o) => o.process === process)!;

describe("ranking with eligibility verdicts", () => {
  it("an employer association that wants to consolidate gets the DLA first, eligible on what is known", () => {
    const [first] = rank("Notre association de 12 salariés à Alès veut revoir son modèle économique et sa gouvernance, et cherche aussi un prêt.");
    expect(first!.process).toBe("dla");
    expect(first!.eligibility.verdict).not.toBe("ineligible");
    expect(first!.link?.need).toBe("consolidation");
  });

  it("without an employee the DLA is ruled out by its rule and loses its place to solidarity finance", () => {
    const text = "Notre association sans salarié, que des bénévoles, à Alès veut revoir son modèle économique et sa gouvernance, et cherche aussi un prêt.";
    const options = rank(text);
    expect(options[0]!.process).toBe("france-active");
    const dla = option(text, "dla");
    expect(dla.eligibility.verdict).toBe("ineligible");
    expect(dla.eligibility.reasons.some((r) => r.met === false)).toBe(true);
    const withStaff = option(text.replace("sans salarié, que des bénévoles,", "de 12 salariés"), "dla");
    expect(dla.score).toBeCloseTo(withStaff.score * 0.4, 5);
  });

  it("a need in the question of a longer message weighs more; asking « quel interlocuteur ? » does not push the ESS team", () => {
    const text = "Notre chantier d'insertion à Beaucaire devient une SCIC avec la commune au capital. Le Département peut-il prendre des parts ?";
    expect(rank(text)[0]!.process).toBe("scic-participation");
    const asked = option(text, "scic-participation").score;
    const stated = option(text.replace("Le Département peut-il prendre des parts ?", "Le Département pourrait prendre des parts."), "scic-participation").score;
    expect(asked).toBeGreaterThan(stated);
    const contact = "Un atelier d'insertion de Vauvert perd une partie de ses financements. Quel interlocuteur mobiliser ?";
    const features = projectFeatures(contact, links);
    expect(features.needs.find((n) => n.need.id === "contact")?.asked).toBeGreaterThan(0);
    const statement = contact.replace("Quel interlocuteur mobiliser ?", "Reste à savoir quel interlocuteur mobiliser.");
    expect(option(contact, "mission-ess-departement").score).toBeCloseTo(option(statement, "mission-ess-departement").score, 5);
  });

  it("at the idea stage, « gouvernance partagée » is a design to incubate, not a structure to consolidate", () => {
    const text = "Trois jeunes veulent créer à Alès une coopérative de réparation de vélos à gouvernance partagée ; le projet n'est qu'au stade de l'idée.";
    expect(rank(text)[0]!.process).toBe("incubation-innovation-sociale");
    const running = option("Trois jeunes ont à Alès une coopérative de réparation de vélos à gouvernance partagée ; elle tourne depuis cinq ans.", "dla");
    expect(option(text, "dla").score).toBeLessThan(running.score);
  });

  it("a person creating or taking over their own business: the honour loan and microcredit before France Active", () => {
    const text = "Je reprends la boulangerie de mon village près de Lussan, la banque me prêtera si j'ai un apport : quel prêt pour compléter ?";
    expect(rank(text)[0]!.process).toBe("pret-honneur-microcredit");
    const person = option(text, "france-active").score;
    // The same finance asked by a cooperative keeps France Active's full score.
    const coop = option(text.replace("Je reprends la boulangerie de mon village", "Notre coopérative reprend la boulangerie du village"), "france-active");
    expect(person).toBeLessThan(coop.score);
  });

  it("a person on RSA who wants to test an activity alone: the CAE before the insertion structures", () => {
    const text = "Allocataire du RSA à Vauvert, sans structure, il souhaite tester une activité de réparation de vélos sans créer d'entreprise. Quelle piste ?";
    expect(rank(text)[0]!.process).toBe("cae");
    const features = projectFeatures(text, links);
    const insertion = (f: typeof features) => rankAll(f, []).find((o) => o.process === "insertion-iae")!.score;
    // The same needs read for a structure keep the insertion track's full score.
    expect(insertion(features)).toBeCloseTo(insertion({ ...features, actor: "structure" }) * 0.6, 5);
  });

  it("the Région's business aid does not lead for an association: it keeps half the score it has when the form is unknown", () => {
    const router: RouteCandidate[] = [{ process: "region-occitanie", score: 0.9, similarity: 0.5, why: "", rule: false }];
    const region = (text: string) => rankAll(projectFeatures(text, links), router).find((o) => o.process === "region-occitanie")!;
    const asso = region("Notre association de Vézénobres, 3 salariés, voudrait un nouveau four.");
    const unknown = region("Notre structure de Vézénobres, 3 salariés, voudrait un nouveau four.");
    expect(asso.score).toBeCloseTo(unknown.score * 0.5, 5);
    // "centre-ville" is no luxury villa: nothing off-topic in a ressourcerie that loses its premises.
    const needs = projectFeatures("Notre ressourcerie du centre-ville doit quitter son local.", links).needs.map((n) => n.need.id);
    expect(needs).not.toContain("hors-champ");
  });

  it("three associations that pool a service: the call for commons, whose rule is met; one structure alone is ruled out", () => {
    const together = rank("Trois associations de Saint-Ambroix veulent mutualiser un service de garde d'enfants pour les villages.");
    expect(together[0]!.process).toBe("appel-a-communs");
    expect(together[0]!.eligibility.verdict).not.toBe("ineligible");
    expect(together[0]!.link).toMatchObject({
      need: "cooperation",
      axis: "axe-1-cooperations",
      status: "confirme",
      measures: ["appel-a-communs", "mesure-gard-centrale"],
    });
    const alone = option("Notre association, seule, veut mutualiser un service de garde d'enfants pour les villages de Saint-Ambroix.", "appel-a-communs");
    expect(alone.eligibility.verdict).toBe("ineligible");
  });

  it("an unknown fact leaves the verdict incomplete and names the question to ask", () => {
    const [first] = rank("Une SCIC d'Uzès voudrait que le Département prenne des parts sociales à son capital.");
    expect(first!.process).toBe("scic-participation");
    const dla = option("Une coopérative veut revoir sa gouvernance.", "dla");
    expect(dla.eligibility.verdict).toBe("incomplete");
    expect(dla.eligibility.missing.map((m) => m.fact)).toContain("employees");
  });

  it("the router's candidates add to the needs; the ESS team completes a lone option; at most three options", () => {
    const lone = rank("Notre SCOP voudrait rencontrer des fondations d'entreprise.");
    expect(lone.length).toBeGreaterThanOrEqual(2);
    expect(lone.length).toBeLessThanOrEqual(3);
    expect(lone.map((o) => o.process)).toContain("mission-ess-departement");
    expect(lone.map((o) => o.process)).not.toContain("commande-publique");
    const boosted = rank("Notre SCOP voudrait rencontrer des fondations d'entreprise.", [
      { process: "commande-publique", score: 1, why: "règle", similarity: 0.5, rule: true },
    ]);
    expect(boosted.map((o) => o.process).slice(0, 2)).toEqual(["mecenat-fondations", "commande-publique"]);
    expect(boosted[1]!).toMatchObject({ score: 1, routerWhy: "règle" });
  });
});

describe("second option after the ESS team", () => {
  it("when the ESS team comes first, the second option is the process a stated need points to, not a router guess", () => {
    const text = "Notre association d'Uzès voudrait rencontrer l'équipe ESS et, par ailleurs, trouver des mécènes.";
    const candidates: RouteCandidate[] = [
      { process: "mission-ess-departement", score: 3, why: "" } as RouteCandidate,
      { process: "commande-publique", score: 0.9, why: "" } as RouteCandidate,
    ];
    const options = rank(text, candidates);
    expect(options[0]!.process).toBe("mission-ess-departement");
    expect(options[1]!.process).toBe("mecenat-fondations");
  });
});

describe("collective takeovers, cooperatives' investments, hedged needs", () => {
  it("employees taking over their firm as a cooperative: France Active before the honour loans", () => {
    for (const text of [
      "Les salariés d'une imprimerie de Bessèges veulent reprendre l'entreprise en SCOP au départ du patron. Qui peut financer la reprise ?",
      "The five staff of a bookshop in Anduze want to take over the business as a SCOP when the owner retires. Who can fund the buyout?",
    ])
      expect(rank(text)[0]!.process).toBe("france-active");
    // A person taking over a business alone keeps the honour loan first.
    expect(rank("Je veux reprendre la boulangerie de mon village à Génolhac, il me faut un prêt d'honneur.")[0]!.process).toBe("pret-honneur-microcredit");
  });

  it("a cooperative asking a public investment aid is sent to the Région; asking a loan or a guarantee, to France Active", () => {
    expect(rank("Une CUMA de Roquemaure cherche une aide à l'investissement pour construire un hangar.")[0]!.process).toBe("region-occitanie");
    expect(rank("Our SCOP in Alès wants to buy printing equipment: which public investment aid exists?")[0]!.process).toBe("region-occitanie");
    expect(rank("Notre SCOP de Beaucaire doit acheter un camion, la banque demande une garantie.")[0]!.process).toBe("france-active");
  });

  it('a need the writer only considers (« peut-être », « éventuellement », "maybe") weighs less than the one they want', () => {
    for (const text of [
      "Notre ressourcerie associative (9 salariés) sort d'une année déficitaire. On veut revoir notre modèle économique et peut-être renforcer nos fonds propres.",
      "Our community shop (6 employees) had a deficit year; we want to rethink our business model and maybe strengthen our equity.",
    ])
      expect(rank(text)[0]!.process).toBe("dla");
    const f = projectFeatures("Notre épicerie a perdu une subvention ; on veut revoir notre modèle économique et éventuellement demander un prêt.", links);
    expect(f.needs.find((n) => n.need.id === "pret-garantie")!.asked).toBeLessThan(0);
    // The verb « peut être » (« peut être accompagnée ») is no hedge.
    const verb = projectFeatures("Notre association de 5 salariés peut être accompagnée pour un prêt ?", links);
    expect(verb.needs.find((n) => n.need.id === "pret-garantie")?.asked ?? 0).toBeGreaterThanOrEqual(0);
  });
});

describe("what the carrier is versus what it asks", () => {
  it("an insertion structure asking for help with its management gets the DLA before the insertion track", () => {
    const text = "Une entreprise d'insertion de Bagnols-sur-Cèze (9 salariés) veut revoir son modèle économique et sa gouvernance. Que lui proposer ?";
    const candidates: RouteCandidate[] = [{ process: "insertion-iae", score: 1, rule: true, similarity: 0.5, why: "structure d'insertion" } as RouteCandidate];
    const f = projectFeatures(text, links);
    expect(f.needs.find((n) => n.need.id === "insertion")?.carrierOnly).toBe(0.5);
    expect(rankOptions(f, candidates)[0]!.process).toBe("dla");
  });

  it("the question names only a kind of support: the problems the message describes are what it asks", () => {
    const f = projectFeatures("Un chantier d'insertion de Bessèges a de gros soucis de gouvernance et de pilotage. Quelle aide lui conseiller ?", links);
    expect(f.needs.find((n) => n.need.id === "insertion")?.carrierOnly).toBe(0.5);
  });

  it("an insertion structure asking about insertion keeps the insertion track", () => {
    const f = projectFeatures("Une association de Bessèges veut devenir un chantier d'insertion conventionné. Comment faire ?", links);
    expect(f.needs.find((n) => n.need.id === "insertion")?.carrierOnly).toBeUndefined();
  });

  it("a person creating their business in a priority neighbourhood gets the honour loan or the microcredit first", () => {
    const text = "Un habitant du quartier Pissevin à Nîmes veut créer sa boîte de réparation de vélos ; sa banque ne veut pas le suivre.";
    const candidates: RouteCandidate[] = [
      { process: "politique-de-la-ville", score: 1, rule: true, similarity: 0.5, why: "quartier prioritaire" } as RouteCandidate,
    ];
    expect(rankOptions(projectFeatures(text, links), candidates)[0]!.process).toBe("pret-honneur-microcredit");
  });
});

describe("becoming, the main concern, the neighbourhood's schemes, a running sole business", () => {
  it("a structure that plans to become an insertion structure keeps the insertion track", () => {
    const f = projectFeatures(
      "Une friperie associative de Bagnols envisage de se transformer en chantier d'insertion ; il lui faudra aussi revoir sa gouvernance. Quelle piste ?",
      links,
    );
    expect(f.needs.find((n) => n.need.id === "insertion")?.carrierOnly).toBeUndefined();
  });

  it("« leur principal souci » marks what comes first, like « surtout »", () => {
    const f = projectFeatures("Un chantier d'insertion d'Anduze a des soucis de trésorerie. Leur principal souci : le conventionnement IAE.", links);
    expect(f.needs.find((n) => n.need.id === "insertion")?.asked).toBeGreaterThan(0);
  });

  it("a person who asks for the neighbourhoods' schemes keeps the city policy first", () => {
    const text = "J'habite à Valdegour et je veux créer ma boîte de couture ; y a-t-il des aides pour les habitants des quartiers prioritaires ?";
    const candidates: RouteCandidate[] = [
      { process: "politique-de-la-ville", score: 1, rule: true, similarity: 0.5, why: "quartier prioritaire" } as RouteCandidate,
    ];
    expect(rankOptions(projectFeatures(text, links), candidates)[0]!.process).toBe("politique-de-la-ville");
  });

  it("a sole trader's running business asking for an investment goes to the Région; one being created to the honour loan", () => {
    const running = rank("Je suis micro-entrepreneur en menuiserie à Sommières depuis trois ans et je voudrais une subvention pour acheter une machine.");
    expect(running[0]!.process).toBe("region-occitanie");
    const creating = rank("Je veux créer ma micro-entreprise de menuiserie à Sommières et je cherche un financement pour acheter une machine.");
    expect(creating[0]!.process).toBe("pret-honneur-microcredit");
  });
});

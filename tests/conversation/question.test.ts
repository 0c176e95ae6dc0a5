/**
 * The conversation core on the real runtime (bundled knowledge, offline, memory
 * storage): questions with citations and stored interactions, ratings, handoffs
 * with a notifier, help, reset and the agents' report.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HandoffRecord } from "../../src/storage/types.js";
import type { Notifier } from "../../src/conversation/types.js";
import { userHash } from "../../src/privacy/pseudonym.js";
import { PROCESS_LABELS } from "../../src/report/labels.js";
import { SECRET, buildCore, conversation, markers, stateOf, uid, type TestCore } from "./helpers.js";

let core: TestCore;

beforeAll(async () => {
  // Handoffs for the DLA go to a Slack channel; no default target, so other processes are not delivered.
  core = await buildCore({ handoffTargets: { dla: { slack: "C-DLA", teams: "teams-dla" } } });
}, 120_000);

afterAll(async () => {
  await core?.cleanup();
});

const EMAIL = "marie.curie@exemple.fr";
const PHONE = "06 12 34 56 78";

describe("a question turn", () => {
  it("answers with sources, valid [n] markers and rate buttons carrying the interaction id", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Qu'est-ce que l'appel à communs ?");
    expect(r.type).toBe("answer");
    expect(r.refused).toBe(false);
    expect(r.sources.length).toBeGreaterThan(0);
    const ns = r.sources.map((s) => s.n);
    expect(new Set(ns).size).toBe(ns.length);
    const cited = markers(r.text);
    expect(cited.length).toBeGreaterThan(0);
    for (const n of cited) expect(ns).toContain(n);
    expect(r.sources.some((s) => s.id === "appel-a-communs")).toBe(true);

    expect(r.interactionId).toBeTruthy();
    const rate = r.actions.filter((a) => a.id === "rate-up" || a.id === "rate-down");
    expect(rate.map((a) => a.id).sort()).toEqual(["rate-down", "rate-up"]);
    for (const a of rate) expect(a.value).toBe(r.interactionId);
    for (const a of r.actions) expect(a.label.replace(/\p{Extended_Pictographic}/gu, "").trim().length).toBeGreaterThan(2);
  });

  // Whatever the answer (the contact-details guard may refuse it), no personal data is stored.
  it("stores the interaction with the scrubbed question and a pseudonymous user", async () => {
    const c = conversation(core.runtime.assistant, { channel: "web" });
    const r = await c.say(`Mon adresse est ${EMAIL}, mon numéro le +33 6 12 34 56 78 : qui porte le DLA dans le Gard ?`);
    const rec = await core.storage.getInteraction(r.interactionId!);
    expect(rec).not.toBeNull();
    expect(rec!.question).not.toContain("marie.curie");
    expect(rec!.question).not.toContain("exemple.fr");
    expect(rec!.question.replace(/\D/g, "")).not.toMatch(/612345678/);
    expect(rec!.question).toContain("DLA");
    expect(rec!.channel).toBe("web");
    expect(rec!.userHash).toBe(userHash("web", String(c.base.userId), SECRET));
    expect(rec!.userHash).not.toContain(String(c.base.userId));
    expect(rec!.sources).toEqual(r.sources.map((s) => s.id));
    expect(rec!.route).toBe(r.route?.process ?? null);
    expect(rec!.refused).toBe(r.refused);
    expect(rec!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("records a refused question as unanswered", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Quelle est la recette de la ratatouille ?");
    expect(r.refused).toBe(true);
    const data = await core.storage.reportData({});
    const u = data.unanswered.filter((x) => x.interactionId === r.interactionId);
    expect(u).toHaveLength(1);
    expect(u[0]!.reason).toBe("refused");
  });
});

describe("ratings", () => {
  it("joins a 👍 to the rated interaction and records nothing unanswered", async () => {
    const c = conversation(core.runtime.assistant);
    const q = await c.say("Quels sont les axes du schéma départemental de l'ESS ?");
    const r = await c.click("rate-up", q.interactionId);
    expect(r.type).toBe("info");
    const data = await core.storage.reportData({});
    const ratings = data.ratings.filter((x) => x.interactionId === q.interactionId);
    expect(ratings).toHaveLength(1);
    expect(ratings[0]!.value).toBe("up");
    expect(data.unanswered.filter((x) => x.interactionId === q.interactionId)).toHaveLength(0);
  });

  it("records a 👎 with a scrubbed comment and an unanswered item; without a value it rates the last answer", async () => {
    const c = conversation(core.runtime.assistant);
    const q = await c.say("Comment fonctionne le prêt d'honneur d'Initiative Gard ?");
    const r = await c.click("rate-down", undefined, `Pas clair, rappelez-moi au ${PHONE} ou ${EMAIL}`);
    expect(r.type).toBe("info");
    expect(r.actions.map((a) => a.id)).toContain("handoff");
    const data = await core.storage.reportData({});
    const ratings = data.ratings.filter((x) => x.interactionId === q.interactionId);
    expect(ratings).toHaveLength(1);
    expect(ratings[0]!.value).toBe("down");
    expect(ratings[0]!.comment).toContain("Pas clair");
    expect(ratings[0]!.comment).not.toContain(EMAIL);
    expect(ratings[0]!.comment!.replace(/\D/g, "")).not.toMatch(/612345678/);
    const unanswered = data.unanswered.filter((x) => x.interactionId === q.interactionId);
    expect(unanswered).toHaveLength(1);
    expect(unanswered[0]!.reason).toBe("rated-down");
    expect(unanswered[0]!.question).toContain("Initiative Gard");
  });

  it("stores nothing for an unknown interaction id", async () => {
    const c = conversation(core.runtime.assistant);
    const before = (await core.storage.reportData({})).ratings.length;
    const r = await c.click("rate-up", "does-not-exist");
    expect(r.type).toBe("info");
    expect((await core.storage.reportData({})).ratings.length).toBe(before);
  });
});

describe("handoff to a person", () => {
  it("stores a summary with the question, route, facts and sources, notifies the process target, and resolves", async () => {
    const delivered: { h: HandoffRecord; target: string }[] = [];
    const slack: Notifier = {
      channel: "slack",
      deliver: async (h, target) => {
        delivered.push({ h, target });
        return "Un message a été posté dans le canal de l'équipe.";
      },
    };
    core.runtime.assistant.registerNotifier(slack);
    const c = conversation(core.runtime.assistant, { channel: "slack", conversationId: uid("C"), threadId: "1700000000.000100" });
    const q = await c.say("Qu'est-ce que le DLA ?");
    expect(q.route?.process).toBe("dla");
    const f = await c.form("eligibility", { legalForm: "scop", commune: "Anduze", employees: "7" });
    expect(f.type).toBe("eligibility");

    const ask = await c.say("Je voudrais parler à une personne");
    expect(ask.type).toBe("prompt");
    expect(ask.prompt?.options?.map((o) => o.value)).toEqual(["conversation", "email", "phone"]);
    const r = await c.say("ici");
    expect(r.type).toBe("handoff");
    const h = r.handoff!;
    expect(h.process).toBe("dla");
    expect(h.status).toBe("open");
    expect(h.question).toBe("Qu'est-ce que le DLA ?");
    expect(h.summary).toContain("Qu'est-ce que le DLA");
    expect(h.summary).toContain(PROCESS_LABELS.dla);
    expect(h.summary).toContain("Anduze");
    expect(h.summary).toMatch(/SCOP/);
    expect(h.summary).not.toContain("legalForm");
    for (const s of q.sources) expect(h.summary).toContain(s.title);
    expect(h.summary).not.toMatch(/= (true|false)/);
    expect(h.sources).toEqual(q.sources.map((s) => s.id));
    expect(h.facts).toMatchObject({ legalForm: "scop", employees: 7 });
    expect(r.route?.process).toBe("dla");

    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.target).toBe("C-DLA");
    expect(delivered[0]!.h.id).toBe(h.id);
    expect(r.text).toContain("Un message a été posté");

    const stored = await core.storage.getHandoff(h.id);
    expect(stored?.status).toBe("open");
    expect(stored?.userHash).toBe(userHash("slack", String(c.base.userId), SECRET));
    const resolved = await core.runtime.assistant.resolveHandoff(h.id);
    expect(resolved?.status).toBe("resolved");
    expect((await core.storage.getHandoff(h.id))?.status).toBe("resolved");
    expect((await core.storage.listHandoffs("open")).map((x) => x.id)).not.toContain(h.id);
  });

  it("does not deliver when no target is configured for the routed process, but keeps the handoff open", async () => {
    const delivered: string[] = [];
    core.runtime.assistant.registerNotifier({ channel: "slack", deliver: async (_h, t) => (delivered.push(t), "livré") });
    const c = conversation(core.runtime.assistant, { channel: "slack" });
    const r = await c.click("handoff", "conversation");
    expect(r.type).toBe("handoff");
    expect(r.handoff!.process).toBe("mission-ess-departement");
    expect(r.handoff!.summary).toContain("n'a pas posé de question");
    expect(delivered).toEqual([]);
    expect((await core.storage.getHandoff(r.handoff!.id))?.status).toBe("open");
  });

  it("a notifier that fails does not lose the handoff", async () => {
    core.runtime.assistant.registerNotifier({
      channel: "teams",
      deliver: async () => {
        throw new Error("connector down");
      },
    });
    const c = conversation(core.runtime.assistant, { channel: "teams" });
    await c.say("Qu'est-ce que le DLA ?");
    const r = await c.click("handoff", "conversation");
    expect(r.type).toBe("handoff");
    expect((await core.storage.getHandoff(r.handoff!.id))?.status).toBe("open");
  });
});

describe("help, reset and report", () => {
  it("help lists what the assistant does, with the report button only for agents", async () => {
    const porteur = await conversation(core.runtime.assistant).say("aide");
    expect(porteur.type).toBe("help");
    expect(porteur.text).toMatch(/éligibilité/);
    expect(porteur.actions.map((a) => a.id)).not.toContain("report");
    const agent = await conversation(core.runtime.assistant, { audience: "agent" }).say("Que savez-vous faire ?");
    expect(agent.type).toBe("help");
    expect(agent.actions.map((a) => a.id)).toContain("report");
  });

  it("reset drops a questionnaire in progress", async () => {
    const c = conversation(core.runtime.assistant);
    const p = await c.say("suis-je éligible ?");
    expect(p.type).toBe("prompt");
    const r = await c.say("recommencer");
    expect(r.type).toBe("info");
    const key = `${c.base.channel}:${c.base.conversationId}:-:${userHash(String(c.base.channel), String(c.base.userId), SECRET)}`;
    expect(await core.storage.getState<{ mode: string; facts: object }>(key)).toMatchObject({ mode: "idle", facts: {} });
    // "une asso" is no longer an answer to a pending question.
    const next = await c.say("une asso");
    expect(next.type).not.toBe("prompt");
  });

  it("a question that starts with a command word is answered, not taken as a command", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    const help = await c.say("Aide au démarrage pour une association employeuse : qui la propose ?");
    expect(help.type).toBe("answer");
    expect(help.interactionId).toBeTruthy();
    const report = await c.say("Rapport d'activité de la CRESS Occitanie : où le trouver ?");
    expect(report.type).toBe("answer");
    const p = await c.say("suis-je éligible ?");
    const pending = p.prompt!.field;
    const reset = await c.say("Recommencer une activité après une liquidation : quelles aides ?");
    expect(reset.type).toBe("answer");
    expect(reset.prompt?.field).toBe(pending);
    expect(await stateOf(core.storage, c.base)).toMatchObject({ mode: "eligibility", pendingFact: pending });
  });

  it("refuses the report to a project holder and gives it to an agent", async () => {
    const porteur = await conversation(core.runtime.assistant).say("rapport");
    expect(porteur.type).toBe("info");
    expect(porteur.report).toBeUndefined();

    const agentConv = conversation(core.runtime.assistant, { audience: "agent", channel: "teams" });
    const r = await agentConv.say("rapport");
    expect(r.type).toBe("report");
    const data = await core.storage.reportData({});
    const report = r.report as { interactions: number; ratings: { up: number; down: number }; handoffs: { count: number } };
    expect(report.interactions).toBe(data.interactions.length);
    expect(report.ratings.up).toBe(data.ratings.filter((x) => x.value === "up").length);
    expect(report.ratings.down).toBe(data.ratings.filter((x) => x.value === "down").length);
    expect(report.handoffs.count).toBe(data.handoffs.length);
    expect(r.text).toContain(String(data.interactions.length));

    const byButton = await agentConv.click("report");
    expect(byButton.type).toBe("report");
    const porteurButton = await conversation(core.runtime.assistant).click("report");
    expect(porteurButton.type).toBe("info");
  });
});

describe("follow-ups and answer cards", () => {
  it("a follow-up is not answered with the card the person has just read", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("L'incubateur Alter'Incub, ça accompagne quels projets ?");
    expect(first.card, first.text).toBeTruthy();
    // The card says where it is based, not what it costs: a question on its price gets something else.
    const next = await c.say("et c'est payant ?");
    expect(next.card).not.toBe(first.card);
    expect(next.text).not.toBe(first.text);
    // Asked again on its own, the same question gets the same card.
    const again = await conversation(core.runtime.assistant).say("L'incubateur Alter'Incub, ça accompagne quels projets ?");
    expect(again.card).toBe(first.card);
  });

  it("a chain of follow-ups never shows again a card it has already shown", async () => {
    const c = conversation(core.runtime.assistant);
    const cards = [
      (await c.say("Quand le schéma ESS du Gard a-t-il été voté ?")).card,
      (await c.say("et qui le porte ?")).card,
      (await c.say("il dure jusqu'à quand ?")).card,
    ];
    expect(cards[0]).toBeTruthy();
    expect(cards[1]).toBeTruthy();
    expect(cards[2]).not.toBe(cards[0]);
    expect(cards[2]).not.toBe(cards[1]);
    // A self-contained question starts a new chain: the first card may come back.
    expect((await c.say("Quand le schéma ESS du Gard a-t-il été voté ?")).card).toBe(cards[0]);
  });

  it("after a first question refused, an elliptic follow-up is read with it; one it leads nowhere is read alone", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Une mairie peut-elle être l'une des trois structures d'un commun ?");
    expect(first.refused).toBe(true);
    const next = await c.say("et une coopérative ?");
    expect(next.refused, next.text).toBe(false);
    expect(next.route?.process).toBe("appel-a-communs");
    const other = conversation(core.runtime.assistant);
    expect((await other.say("Combien de dossiers l'appel à communs a-t-il reçus l'an dernier ?")).refused).toBe(true);
    const sum = await other.say("et l'enveloppe alors ?");
    expect(sum.refused, sum.text).toBe(false);
    expect(sum.text).toMatch(/250 000/);
  });

  it("after a first question refused, a follow-up asking of it what is not published stays refused, not read alone", async () => {
    const c = conversation(core.runtime.assistant);
    expect((await c.say("Notre commun a été retenu, quand est-ce qu'on touche la subvention ?")).refused).toBe(true);
    const next = await c.say("et on doit faire un rapport à la fin ?");
    expect(next.refused, next.text).toBe(true);
    expect(next.text).toMatch(/^Je ne sais pas/);
  });

  it("« j'appelle qui du coup ? » after a refusal is told whom the question was handed to", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Qui fait partie du jury qui choisit les communs ?");
    expect(first.refused).toBe(true);
    const next = await c.say("who should I write to then?");
    expect(next.refused, next.text).toBe(false);
    expect(next.route?.process).toBe(first.route?.process);
    expect(next.sources.some((s) => s.id === first.route?.process)).toBe(true);
    const other = conversation(core.runtime.assistant);
    expect((await other.say("On a envoyé notre demande d'agrément ESUS il y a trois semaines : où en est notre dossier ?")).route?.process).toBe(
      "agrement-esus",
    );
    const esus = await other.say("ok, j'appelle qui du coup ?");
    expect(esus.refused, esus.text).toBe(false);
    expect(esus.text).toMatch(/DDETS/);
  });

  it("after a need answered by a process, a follow-up is about that process", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say(
      "Nous avons une idée d'entreprise sociale de réemploi de matériel médical, encore sans statut. Existe-t-il un incubateur pour nous ?",
    );
    expect(first.route?.process).toBe("incubation-innovation-sociale");
    const next = await c.say("ça dure combien de temps ?");
    expect(next.text).toMatch(/incubation/i);
    expect(next.text).toMatch(/\b(12|douze) mois/);
  });

  it("a short question that only asks an aspect (« combien d'années ? », « combien de temps ? ») goes on with the subject", async () => {
    const c = conversation(core.runtime.assistant);
    expect((await c.say("Quel est le plafond des aides de minimis ?")).text).toMatch(/300 000/);
    const years = await c.say("calculé sur combien d'années ?");
    expect(years.sources.map((s) => s.id)).toContain("aides-etat-de-minimis");
    expect(years.text).toMatch(/trois ans|3 ans/);
    const d = conversation(core.runtime.assistant);
    await d.say("Qui délivre l'agrément ESUS ?");
    const duration = await d.say("il est valable combien de temps ?");
    expect(duration.text).toMatch(/\b5 ans|cinq ans/);
  });

  it("a follow-up is answered in its own language, not the previous turn's", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Who runs the DLA in the Gard?");
    expect(first.text).toMatch(/Acegaa/);
    const next = await c.say("et c'est gratuit ?");
    expect(next.text).not.toMatch(/sources I rely on are in French/);
    expect(next.text).toMatch(/gratuit/);
  });
});

describe("a follow-up the card just read already answers", () => {
  it("« c'est quel canton pour elle ? » after the card naming the elected member and her canton gets that card again", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Qui est la vice-présidente en charge de l'ESS au Département du Gard ?");
    expect(first.card, first.text).toBeTruthy();
    expect(first.text).toMatch(/Vigan/);
    const next = await c.say("c'est quel canton pour elle ?");
    expect(next.refused, next.text).toBe(false);
    expect(next.text).toMatch(/Vigan/);
  });
});

describe("a follow-up asking who runs its topic", () => {
  it("« et qui la dirige ? » after Gard centrale is answered by who manages it (« gérer » and « diriger » are one group)", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Gard centrale, ça sert à quoi ?");
    const r = await c.say("et qui la dirige ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/^Le Département du Gard/);
  });
});

describe("a follow-up asking where", () => {
  it("« c ou ? » after a project-fit answer gets the card that names the places, not the one on whom it serves", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("moi je fais de la photo, jvoudrais tester mon activite sans monter de societe, possible ?");
    const r = await c.say("c ou ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/Lozère/);
  });
});

describe("a short follow-up keeps the previous turn's process", () => {
  it("« on y trouve quoi à part le dépôt ? » after Gard centrale stays with its process; naming another operator changes it", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("C'est quoi Gard centrale ?");
    expect(first.route?.process).toBe("appel-a-communs");
    // Read alone, these words resemble the patronage meetings' examples.
    const next = await c.say("on y trouve quoi à part le dépôt ?");
    expect(next.route?.process).toBe("appel-a-communs");
    const other = await c.say("et la MIESS 30, elle organise quoi ?");
    expect(other.route?.process).toBe("mecenat-fondations");
  });
  it("a follow-up the sources cannot answer goes to the topic's process, not to the ESS team by default", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("C'est quoi l'Adie ? ils prêtent aux gens sans banque ?");
    expect(first.route?.process).toBe("pret-honneur-microcredit");
    const next = await c.say("ils ont un numéro de téléphone à Alès ?");
    expect(next.refused, next.text).toBe(true);
    expect(next.route?.process).toBe("pret-honneur-microcredit");
  });
  it("a follow-up the sources cannot answer about a process the ESS team runs goes to that team", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Combien le Département met-il chaque année dans l'appel à communs ?");
    expect(first.route?.process).toBe("appel-a-communs");
    const next = await c.say("et au maximum pour un seul projet ?");
    expect(next.refused, next.text).toBe(true);
    expect(next.route?.process).toBe("mission-ess-departement");
  });
  it("what is unpublished of a process another service of the Département runs (its purchasing) goes to the ESS team too", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Le SPASER du Gard, il compte combien d'axes ?");
    expect(first.route?.process).toBe("commande-publique");
    const next = await c.say("et combien d'entreprises de l'ESS ont gagné un marché grâce à lui l'an dernier ?");
    expect(next.refused, next.text).toBe(true);
    expect(next.route?.process).toBe("mission-ess-departement");
    // (a process another body runs keeps what is unknown of it: the DLA's adviser is the DLA's to name)
    const dla = conversation(core.runtime.assistant);
    expect((await dla.say("Qui porte le DLA dans le Gard ?")).route?.process).toBe("dla");
    const adviser = await dla.say("et le nom du chargé de mission qui suivra notre asso ?");
    expect(adviser.refused, adviser.text).toBe(true);
    expect(adviser.route?.process).toBe("dla");
  });
  it("a longer message that opens with « et » stays with the topic's process", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Vers qui orienter une association employeuse qui cherche un prêt pour se développer ?");
    expect(first.route?.process).toBe("france-active");
    // Read alone, these words resemble the Région's examples (« une aide »).
    const next = await c.say("et si elle est seulement en phase de test, existe-t-il une aide ?");
    expect(next.route?.process).toBe("france-active");
  });
  it("a longer message that points back with « leur » stays with the topic's process", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Qui porte le DLA dans le Gard ?");
    expect(first.route?.process).toBe("dla");
    const next = await c.say("est-ce que vous auriez le numéro de téléphone direct de leur bureau à Nîmes ?");
    expect(next.route?.process).toBe("dla");
  });
});

describe("a follow-up answered only from another process's documents is that process's", () => {
  it("after the DLA, a follow-up answered from France Active's pages alone goes to France Active", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Quelle différence entre le DLA et France Active ?");
    expect(first.route?.process).toBe("dla");
    const next = await c.say("et pour une asso sans aucun salarié ?");
    expect(next.refused, next.text).toBe(false);
    expect(next.sources.some((s) => s.id === "dla")).toBe(false);
    expect(next.route?.process).toBe("france-active");
  });
  it("the Adie's page, listed by the microcredit and the city policy, keeps a microcredit topic", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("C'est quoi l'Adie ? ils prêtent aux gens sans banque ?");
    expect(first.route?.process).toBe("pret-honneur-microcredit");
    const next = await c.say("ils tiennent des permanences où ?");
    expect(next.route?.process).toBe("pret-honneur-microcredit");
  });
});

describe("a follow-up answered only from the topic's process's documents stays with it", () => {
  it("a need word (« prêt ») that reads as another process does not take the route from the financer the answer cites", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("c'est quoi la différence entre France Active et le DLA ?");
    const second = await c.say("et pour une asso qui n'a pas de salarié ?");
    expect(second.route?.process).toBe("france-active");
    const next = await c.say("nous avons besoin d'un prêt : lequel des deux ?");
    expect(next.refused, next.text).toBe(false);
    expect(
      next.sources.every((s) => s.id.startsWith("france-active")),
      JSON.stringify(next.sources.map((s) => s.id)),
    ).toBe(true);
    expect(next.route?.process).toBe("france-active");
  });
});

describe("a follow-up written in SMS abbreviations", () => {
  it("« depuis qd ? » asks a date of the person just named, looked for in the topic's documents", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("qui est la présidente du Département du Gard ?");
    expect(first.text).toMatch(/Laurent-Perrigot/);
    const next = await c.say("et elle est là depuis qd ?");
    expect(next.refused, next.text).toBe(false);
    expect(next.text).toMatch(/2020/);
    expect(next.sources.map((s) => s.id)).toContain("departement-du-gard");
  });
});

describe("a follow-up naming another process", () => {
  it("asks of the process it names (« et l'appel à communs… ? »), not of the topic's, whichever documents answered", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Quel est le cadre pour les projets associatifs dans un quartier prioritaire ?");
    expect(first.route?.process).toBe("politique-de-la-ville");
    const next = await c.say("et l'appel à communs, il peut aussi servir dans un quartier prioritaire ?");
    expect(next.refused, next.text).toBe(false);
    expect(next.route?.process).toBe("appel-a-communs");
  });
  it("keeps the topic's process when the other is named only as a condition (« et une EURL non agréée ESUS ? »)", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Est-ce que le DLA accompagne les entreprises adaptées ?");
    expect(first.route?.process).toBe("dla");
    const next = await c.say("et une EURL non agréée ESUS ?");
    expect(next.route?.process).toBe("dla");
  });
});

describe("follow-ups that ask a sum or a precedent", () => {
  it("« c'est combien ? » after a measure asks its amount of money, not a count", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Que propose l'appel à communs du Département ?");
    const r = await c.say("ok, c'est combien ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/250 000/);
  });
  it("« c'est combien ? » is not answered by a passage of the topic whose only number is no sum (« le tiers-lieu Le 21 »)", async () => {
    // The follow-up read with its topic, as the conversation reads it.
    const own = "c'est combien ?";
    const r = await core.runtime.answerer.ask(`${own} — Bonjour, l'appel à communs du Département dont tout le monde parle, c'est quoi exactement ?`, { own });
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/250 000 €/);
  });
  it("a follow-up made only of aspect words gets the figure or the duration from its topic's card", async () => {
    const ask = (own: string, topic: string) => core.runtime.answerer.ask(`${own} — ${topic}`, { own });
    const duration = await ask(
      "ça dure combien de temps en tout ?",
      "Nous sommes quatre associées avec un projet de cantine coopérative en gouvernance partagée ; y a-t-il un incubateur pour l'innovation sociale dans la région ?",
    );
    expect(duration.text).toMatch(/12 mois/);
    const ceiling = await ask("cb max ?", "slt jveux lancer ma petite activité de couture mais la banque veut pas me preter");
    expect(ceiling.text).toMatch(/10 000 €/);
  });
  it("« il l'a déjà fait ? » after a question on what the Département may do names the precedent", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département a-t-il le droit de devenir sociétaire d'une SCIC ?");
    const r = await c.say("et il l'a déjà fait ?");
    // the card on that SCIC says what is published (the participation) and what is not (its share)
    expect(r.text).toMatch(/Gard et Autonomie/);
  });
});

describe("later turns that ask what the sources do not say", () => {
  it("a refused follow-up on the call for commons goes to the ESS team that runs it, as a first question would", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Quel est le montant annuel prévu pour l'appel à communs ?");
    expect(first.refused, first.text).toBe(false);
    const next = await c.say("et le plafond par projet ?");
    expect(next.refused, next.text).toBe(true);
    expect(next.route?.process).toBe("mission-ess-departement");
  });
  it("« et pour une fondation qui voudrait nous rejoindre ? » after a commons project is that known gap, not a project to orient", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say(
      "On est une asso et deux SCOP dans l'Uzège, on voudrait mutualiser une cuisine centrale pour les cantines rurales. L'appel à communs c'est pour nous ?",
    );
    const next = await c.say("et pour une fondation qui voudrait nous rejoindre ?");
    expect(next.refused, next.text).toBe(true);
    expect(next.fit ?? []).toEqual([]);
  });
  it("after a refused question, a follow-up that asks a known gap with its topic is not read alone", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Notre commun a été retenu, quand est-ce qu'on touche la subvention ?");
    expect(first.refused, first.text).toBe(true);
    const next = await c.say("et on doit faire un rapport à la fin ?");
    expect(next.refused, next.text).toBe(true);
  });
  it("« and is our file complete? » after the ESUS approval asks the state of one's own file, refused and left with that process", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Which state office issues the ESUS approval in the Gard?");
    const next = await c.say("and is our file complete?");
    expect(next.refused, next.text).toBe(true);
    expect(next.route?.process).toBe("agrement-esus");
  });
  it("« qui en fait partie ? » after the ESS Gard network asks its members, which are not published", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le réseau ESS Gard, il existe déjà ?");
    const next = await c.say("qui en fait partie ?");
    expect(next.refused, next.text).toBe(true);
  });
});

/**
 * Particulars the public sources do not give, read by the guards (new wordings, not the tuning sets'): one's own
 * dismissal or a lawyer for one's own case (out of mission); the name of a staff member of the ESS team or of a partner;
 * the unpublished rules of the call for commons (a lead structure, where its members must be based); the towns and
 * dates of its co-design workshops. Their published neighbours stay answerable.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gap = (q: string, own?: string) => guards.gap(q, own)?.id ?? null;

describe("one's own dismissal or lawyer", () => {
  const out = [
    "Ma directrice vient de me virer pour faute, c'est normal ?",
    "L'asso où je bosse veut me licencier, je fais quoi ?",
    "Faut-il un avocat pour contester mon licenciement ?",
    "My manager at the cooperative fired me last week, should I hire a lawyer?",
  ];
  for (const q of out) it(`out of mission: ${q}`, () => expect(guards.isOutOfMission(q)).toBe(true));

  const kept = [
    "Le DLA peut-il accompagner une association qui doit réduire ses effectifs ?",
    "Une SCOP peut-elle embaucher des salariés en insertion ?",
    "Qui peut m'aider à monter une SCOP avec mes anciens collègues ?",
  ];
  for (const q of kept) it(`in mission: ${q}`, () => expect(guards.isOutOfMission(q)).toBe(false));
});

describe("the names of staff", () => {
  it("the head or the staff of the Department's ESS team", () => {
    expect(gap("Qui est à la tête du service ESS du Département ?")).toBe("equipe-service-ess");
    expect(gap("Who heads the ESS team of the Gard Department?")).toBe("equipe-service-ess");
  });
  it("which officer of a partner will follow one's structure", () => {
    expect(gap("Quelle chargée de mission de France Active va suivre notre dossier ?")).toBe("noms-salaries-partenaires");
    expect(gap("Which advisor from Initiative Gard will be assigned to me?")).toBe("noms-salaries-partenaires");
  });
  it("what the team or an officer does is no name", () => {
    expect(gap("Que fait le service ESS du Département ?")).toBeNull();
    expect(gap("Quel est le rôle d'un chargé de mission DLA ?")).toBeNull();
  });
});

describe("unpublished rules of the call for commons", () => {
  it("a lead structure, however named", () => {
    expect(gap("Pour l'appel à communs, une structure pilote doit-elle être désignée ?")).toBe("chef-de-file-aac");
    expect(gap("Does the call for commons require a lead organisation?")).toBe("chef-de-file-aac");
  });
  it("where the members must be based", () => {
    expect(gap("Pour l'appel à communs, les structures doivent obligatoirement être implantées dans le Gard ?")).toBe("siege-regle-aac");
  });
  it("how many structures, and who may apply, stay answerable", () => {
    expect(gap("Combien de structures faut-il pour l'appel à communs ?")).toBeNull();
    expect(gap("Des structures installées à Nîmes peuvent-elles répondre ensemble à l'appel à communs ?")).toBeNull();
  });
});

describe("the co-design workshops of the call for commons", () => {
  const topic = "Comment l'appel à communs a-t-il été préparé ? combien d'ateliers";
  it("a follow-up asking their towns or dates", () => {
    const own = "c'était dans quelles communes ?";
    expect(gap(`${own} (${topic})`, own)).toBe("dates-ateliers-coconstruction");
  });
  it("a follow-up asking how many people came is another gap's or none, not this one", () => {
    const own = "et ça a réuni qui ?";
    expect(gap(`${own} (${topic})`, own)).not.toBe("dates-ateliers-coconstruction");
  });
});

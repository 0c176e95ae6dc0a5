/**
 * Questions about a rule or a named programme, with a few words about the writer, are questions, not projects: whether a
 * rule of law applies to them, the value of a rule of law they name, a fact someone wants to quote. A closed question
 * whether a named programme is theirs by right keeps that programme as the route. Joint projects of several organisations
 * read as cooperation, in English too. Wordings written for this test, none taken from an evaluation set.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describesProject } from "../../src/fit/detect.js";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { sharedRuntime } from "../answer/helpers.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const project = (text: string) => describesProject(text, projectFeatures(text, links));

describe("a rule of law asked about, by someone who says who they are", () => {
  it("whether the rule applies to them is a question", () => {
    for (const q of [
      "Notre asso vend des paniers bio et touche des subventions de la commune, on est concernés par la réglementation des aides d'État ?",
      "We run a charity café that sells meals and gets council grants, are we subject to the state aid rules?",
    ])
      expect(project(q), q).toBe(false);
  });

  it("the value of a rule they name is that rule's figure", () => {
    const q =
      "Je gère une association de loisirs qui vend des activités à Alès. Notre comptable évoque le règlement de minimis pour nos aides. Quel est le seuil actuellement ?";
    expect(project(q)).toBe(false);
  });

  it("a fact someone wants to quote is no project", () => {
    const q = "Notre président veut citer dans son discours un exemple de projet rural aidé par le Département. On en a un ?";
    expect(project(q)).toBe(false);
  });

  it("near misses: a project that names a rule, or asks a value for itself, keeps its reading", () => {
    // a project that wants something and asks where to go
    expect(
      project(
        "Notre association de Vauvert veut ouvrir une cantine solidaire et cherche un financement, les aides d'État nous concernent-elles vraiment ? Qui peut nous aider ?",
      ),
    ).toBe(true);
    // a structure that wants to present its project, not to quote a fact
    expect(project("Notre SCOP de Bagnols voudrait présenter son projet de recyclerie au Département : quel interlocuteur ?")).toBe(true);
    // a value asked of the writer's own programme, no rule of law named
    expect(project("Nous sommes une SCIC d'énergie à Uzès et nous voulons faire entrer le Département au capital. Quel est le plafond pour nous ?")).toBe(true);
  });
});

describe("joint projects of several organisations", () => {
  it("read as cooperation in English", () => {
    const f = projectFeatures("We are a cooperative in Alès: is there funding for joint projects run by several organisations?", links);
    expect(f.needs.some((n) => n.need.id === "cooperation")).toBe(true);
  });
});

describe("a named programme asked as a right", () => {
  const t = sharedRuntime({ llm: null });
  it("« j'ai droit au … ? » keeps the programme asked about as the route, with its verdict, when the facts rule it out", async () => {
    const reply = await t.runtime.assistant.ask("Je suis micro-entrepreneuse, je travaille seule sans aucun salarié : j'ai droit au DLA ?", {
      audience: "porteur",
    });
    expect(reply.route?.process).toBe("dla");
    expect(reply.text).toMatch(/employeuse/);
  });
});

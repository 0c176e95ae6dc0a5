/** unframe(): « en quelques mots » closing a question, and an agent's unnamed application under review after it. */
import { describe, expect, it } from "vitest";
import { unframe } from "../../src/answer/relayed.js";

describe("unframe: how to answer, after the question", () => {
  it("drops « en quelques mots », « en bref », « in a nutshell » closing the question, keeping its question mark", () => {
    expect(unframe("Qu'est-ce qu'une SCOP, en quelques mots ?")).toBe("Qu'est-ce qu'une SCOP ?");
    expect(unframe("C'est quoi France Active, en bref ?")).toBe("C'est quoi France Active ?");
    expect(unframe("What is the DLA, in a nutshell?")).toBe("What is the DLA ?");
  });
  it("near miss: « en résumé » inside the question stays", () => {
    expect(unframe("Le schéma, en résumé, ça dit quoi ?")).toBe("Le schéma, en résumé, ça dit quoi ?");
  });
});

describe("unframe: an application under review, after the question", () => {
  it("drops an unnamed one", () => {
    expect(unframe("C'est quoi le plafond ? J'instruis une demande.")).toBe("C'est quoi le plafond ?");
    expect(unframe("Quelles conditions ? J'instruis un dossier et j'ai besoin de la règle.")).toBe("Quelles conditions ?");
  });
  it("near miss: a named one says what is asked, and stays", () => {
    expect(unframe("Quels critères ? J'instruis un dossier ESUS.")).toBe("Quels critères ? J'instruis un dossier ESUS.");
    expect(unframe("Quels critères ? Je dois instruire un dossier ESUS demain.")).toBe("Quels critères ? Je dois instruire un dossier ESUS demain.");
  });
});

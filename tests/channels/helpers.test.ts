/** The channel-agnostic helpers: follow-ups as short questions, and the streamed text preview. */
import { describe, expect, it } from "vitest";
import { followUpQuestions, toQuestion } from "../../src/channels/follow-ups.js";
import { StreamText } from "../../src/channels/stream-text.js";

describe("follow-ups as short questions", () => {
  it("turns the core's section titles into distinct questions of at most 75 characters, three at most", () => {
    const titles = [
      "Obtenir l'agrément ESUS (entreprise solidaire d'utilité sociale) auprès de la DDETS du Gard : Qui peut demander l'agrément ESUS",
      "La loi ESS du 31 juillet 2014 (loi Hamon) : définition de l'ESS, utilité sociale et subvention : Article 1 de la loi ESS : la définition de l'économie sociale et solidaire",
      "Les 14 intercommunalités (EPCI) du Gard : Les onze communautés de communes du Gard",
      "Les 14 intercommunalités (EPCI) du Gard : Les onze communautés de communes du Gard",
      "Le DLA : Comment saisir le DLA",
    ];
    const out = followUpQuestions(titles);
    expect(out).toEqual([
      "Qui peut demander l'agrément ESUS ?",
      "Que savoir sur « la définition de l'économie sociale et solidaire » ?",
      "Que savoir sur « Les onze communautés de communes du Gard » ?",
    ]);
    for (const q of out) {
      expect(q.length).toBeLessThanOrEqual(75);
      expect(q.endsWith("?")).toBe(true);
    }
  });

  it("keeps questions as they are, drops duplicates and what cannot be made short", () => {
    expect(followUpQuestions(["Qu'est-ce que l'appel à communs ?", "qu'est-ce que l'appel a communs?", "x".repeat(200)], 4)).toEqual([
      "Qu'est-ce que l'appel à communs ?",
    ]);
    expect(toQuestion("France Active : Garantie des prêts bancaires")).toBe("Que savoir sur « Garantie des prêts bancaires » ?");
    expect(toQuestion("")).toBeNull();
  });
});

describe("streamed text", () => {
  it("shows the text as it grows, citations renumbered in order of use, unfinished markers held back", () => {
    const s = new StreamText();
    const shown: string[] = [];
    for (const piece of ["L'appel à communs ", "soutient les projets [", "3] portés à plusieurs ", "structures [1] [3] ."]) {
      s.push(piece);
      shown.push(s.next());
    }
    expect(shown.join("")).toBe(s.sent);
    expect(s.sent).toBe("L'appel à communs soutient les projets [1] portés à plusieurs structures [2] [1].");
    expect(s.remainder(`${s.sent}\n\nÀ vérifier.`)).toBe("\n\nÀ vérifier.");
    expect(s.remainder("Une tout autre réponse.")).toBeNull();
  });

  it("shows nothing of a refusal", () => {
    const s = new StreamText();
    s.push("JE_NE_");
    expect(s.next()).toBe("");
    s.push("SAIS_PAS");
    expect(s.next()).toBe("");
    expect(s.remainder("Réponse hors ligne.")).toBeNull();
  });
});

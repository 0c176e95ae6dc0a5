/** The kind of figure a question asks (average, rate, sum of something done, count) and whether a text gives it. */
import { describe, expect, it } from "vitest";
import { answersStatistic, asksMaximum, givesMaximum, givesStatistic, statisticAsked } from "../../src/answer/asked-statistic.js";

describe("statisticAsked", () => {
  it("reads an average, a rate, the sum of something done and a count", () => {
    expect(statisticAsked("Quelle est la subvention moyenne versée par la Région ?")).toBe("average");
    expect(statisticAsked("En moyenne, les prêts de l'Adie font combien ?")).toBe("average");
    expect(statisticAsked("L'Adie prête à quel taux ?")).toBe("rate");
    expect(statisticAsked("c'est combien ?", "c'est combien ? — La Région a-t-elle déjà investi dans une coopérative ?")).toBe("realised-sum");
    expect(statisticAsked("Combien de porteurs de projet sont suivis par la BGE ?")).toBe("count");
  });
  it("reads no such figure in other questions", () => {
    expect(statisticAsked("Quels moyens humains pour l'équipe ESS ?")).toBeNull();
    // what may be done, which a ceiling answers
    expect(statisticAsked("Combien peut-on emprunter au maximum auprès d'Initiative Gard ?")).toBeNull();
    expect(statisticAsked("Le prêt à taux zéro, c'est pour qui ?")).toBeNull();
  });
});

describe("givesStatistic", () => {
  it("an average is not given by a ceiling", () => {
    expect(givesStatistic("average", "Le prêt peut atteindre 30 000 €. [1]")).toBe(false);
    expect(givesStatistic("average", "Le prêt moyen est de 6 000 €. [1]")).toBe(true);
  });
  it("a rate is given by a percentage or a loan without interest, not by a description", () => {
    expect(givesStatistic("rate", "France Active propose des prêts et des garanties, jusqu'à 20 000 €.")).toBe(false);
    expect(givesStatistic("rate", "C'est un prêt personnel à taux zéro.")).toBe(true);
  });
  it("a share asked (« quelle part », « quelle proportion ») is given by a percentage or a fraction, not by a total", () => {
    expect(statisticAsked("Quelle part du chiffre d'affaires reverse-t-on à la coopérative ?")).toBe("rate");
    expect(statisticAsked("quelle proportion des projets sont ruraux ?")).toBe("rate");
    expect(statisticAsked("Ça représente quelle partie du travail ?")).toBeNull();
    expect(givesStatistic("rate", "La moitié de ces emplois relève de l'action sociale.")).toBe(true);
    expect(givesStatistic("rate", "Environ 10 % du chiffre d'affaires.")).toBe(true);
    expect(givesStatistic("rate", "France Active a mobilisé 500 millions d'euros depuis 1994.")).toBe(false);
  });
  it("the sum of something done is not given by a ceiling alone", () => {
    expect(givesStatistic("realised-sum", "Le total des collectivités reste plafonné à 50 % du capital.")).toBe(false);
    expect(givesStatistic("realised-sum", "La Région a apporté 40 000 € au capital.")).toBe(true);
  });
  it("a count is not given by a share of something else, but by a share of what it counts", () => {
    const q = "Combien de coopératives sont hébergées par la CAE ?";
    expect(answersStatistic(q, "Environ 10 % de votre chiffre d'affaires, versés à la coopérative en échange de la gestion.")).toBe(false);
    expect(answersStatistic(q, "La CAE héberge une quarantaine de coopératives.")).toBe(true);
    expect(answersStatistic("Combien de réserves impartageables pour une SCOP ?", "Au moins 16 % des bénéfices d'une SCOP vont en réserves.")).toBe(true);
  });
});

describe("a maximum asked", () => {
  it("is read in « max », « plafond », « jusqu'à combien » and their English", () => {
    expect(asksMaximum("et le montant maxi alors ?")).toBe(true);
    expect(asksMaximum("ça monte jusqu'à combien ?")).toBe(true);
    expect(asksMaximum("c'est plafonné ?")).toBe(true);
    expect(asksMaximum("and what's the cap?")).toBe(true);
    // near misses: a figure asked without a maximum, a limit of another kind
    expect(asksMaximum("ça dure combien de temps ?")).toBe(false);
    expect(asksMaximum("il y a une limite d'âge ?")).toBe(false);
    expect(asksMaximum("combien au minimum ?")).toBe(false);
  });
  it("is given by a ceiling stated or said absent, not by a floor or another figure", () => {
    expect(givesMaximum("Une commune peut détenir jusqu'à 30 % du capital de la coopérative.")).toBe(true);
    expect(givesMaximum("Le prêt peut atteindre 15 000 €.")).toBe(true);
    expect(givesMaximum("L'aide est de 5 000 € maximum par projet.")).toBe(true);
    expect(givesMaximum("Aucun plafond n'est fixé par le règlement.")).toBe(true);
    expect(givesMaximum("Au moins 20 % des bénéfices vont en réserves.")).toBe(false);
    expect(givesMaximum("Ce plafond peut être relevé par un fonds régional.")).toBe(false);
    expect(givesMaximum("Le réseau a suivi 300 projets depuis 2010.")).toBe(false);
    // a ceiling named, then its figure
    expect(givesMaximum("Le règlement fixe le plafond général à 80 000 € par structure.")).toBe(true);
    expect(givesMaximum("Le plafond dépend du règlement; 80 projets ont été aidés.")).toBe(false);
  });
});

describe("the share of one thing another covers", () => {
  it("is asked like a rate and given only by a percentage", () => {
    for (const q of ["le fonds couvre combien du prêt ?", "Quel pourcentage du coût reste à notre charge ?", "How much of the loan does the guarantee cover?"])
      expect(statisticAsked(q), q).toBe("rate");
    expect(answersStatistic("le fonds couvre combien du prêt ?", "Le fonds a garanti 150 millions d'euros de prêts depuis 1990. [1]")).toBe(false);
    expect(answersStatistic("le fonds couvre combien du prêt ?", "Jusqu'à 70 % du prêt bancaire. [1]")).toBe(true);
    // a count of loans is no share
    expect(statisticAsked("combien de prêts le fonds a-t-il garantis ?")).toBe("count");
  });
});

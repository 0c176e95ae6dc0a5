/**
 * A how-many / how-much question is answered only by a figure about what it names,
 * for the year it names (src/answer/asked-quantity.ts), on its own and in the answerer.
 */
import { describe, expect, it } from "vitest";
import {
  askedDays,
  askedQualifiers,
  askedYears,
  asksWhen,
  countedAcronym,
  givesAsked,
  countsAskedThings,
  givesAskedQuantity,
  hasDate,
  hasQuantity,
  namedTerms,
} from "../../src/answer/asked-quantity.js";
import { detailUnpublished, laterYearAsked, premiseChecked } from "../../src/answer/answerer.js";
import { asksSum } from "../../src/answer/cards.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import { sharedRuntime } from "./helpers.js";

describe("what counts as a quantity", () => {
  it("counts, amounts, shares and number words", () => {
    expect(hasQuantity("Environ 3 500 emplois.")).toBe(true);
    expect(hasQuantity("Jusqu'à 8 000 €.")).toBe(true);
    expect(hasQuantity("Un tiers des structures.")).toBe(true);
    expect(hasQuantity("Il réunit une trentaine de bénévoles.")).toBe(true);
    // « gratuit » answers a question about a price only
    expect(hasQuantity("L'accompagnement est gratuit.", true)).toBe(true);
    expect(hasQuantity("L'accompagnement est gratuit.")).toBe(false);
  });
  it("not dates, years, hours, legal references or citation marks", () => {
    expect(hasQuantity("La réunion a eu lieu le 14 mai 2023 à 18 h. [1]")).toBe(false);
    expect(hasQuantity("Créé en 1998, il publie un bilan chaque année.")).toBe(false);
    expect(hasQuantity("Voir l'article L1234-5 et la loi n° 2014-856.")).toBe(false);
    expect(hasQuantity("It opened on March 3, 2021.")).toBe(false);
  });
});

describe("what a question names and the years it asks", () => {
  it("acronyms and capitalised words inside the sentence, without the general names", () => {
    expect(namedTerms("Combien de salariés la CRESS emploie-t-elle dans le Gard ?")).toEqual(["cress"]);
    expect(namedTerms("Combien de prêts Initiative Gard accorde-t-elle ?")).toEqual(analyze("Initiative"));
    expect(namedTerms("Quel est le poids de l'ESS en Occitanie ?")).toEqual([]);
    // the word that opens the question is capitalised for that reason only
    expect(namedTerms("Combien de projets ?")).toEqual([]);
  });
  it("a year asked for, not a year that only bounds the period", () => {
    expect(askedYears("Combien de dossiers en 2022 ?")).toEqual(["2022"]);
    expect(askedYears("Combien de structures accompagnées depuis 2019 ?")).toEqual([]);
  });
});

describe("whether an answer gives the figure asked", () => {
  it("a figure about the named subject, for the year asked", () => {
    const q = "Combien de structures la CRESS a-t-elle accompagnées en 2022 ?";
    expect(givesAskedQuantity(q, "En 2022, la CRESS a accompagné 40 structures.")).toBe(true);
    // another year
    expect(givesAskedQuantity(q, "En 2021, la CRESS a accompagné 40 structures.")).toBe(false);
    // another subject
    expect(givesAskedQuantity(q, "En 2022, la MIESS a accompagné 40 structures.")).toBe(false);
    // no figure at all
    expect(givesAskedQuantity(q, "En 2022, la CRESS a accompagné des structures très diverses.")).toBe(false);
  });
  it("the figure and the name come from the same paragraph (one passage)", () => {
    const q = "Combien la ville de Beaucaire verse-t-elle aux associations ?";
    expect(givesAskedQuantity(q, "Beaucaire compte un quartier prioritaire. [1]\n\nLe Département consacre 250 000 € par an aux communs. [2]")).toBe(false);
    expect(givesAskedQuantity(q, "Beaucaire verse 40 000 € par an aux associations. [1]")).toBe(true);
  });
  it("a count of an acronym's things is a number just before it", () => {
    expect(countedAcronym("Combien de SCOP compte le Gard ?")).toBe(analyze("SCOP")[0]);
    expect(countedAcronym("Combien de structures ?")).toBeNull();
    const q = "Combien de SCOP compte le Gard ?";
    expect(givesAskedQuantity(q, "Le Gard compte 42 SCOP.")).toBe(true);
    expect(givesAskedQuantity(q, "Une SCOP réserve au moins 16 % de ses bénéfices.")).toBe(false);
    expect(givesAskedQuantity(q, "Les salariés détiennent au moins 51 % du capital d'une SCOP.")).toBe(false);
  });
  it("an ordinal says which one, not how many", () => {
    expect(hasQuantity("La 12e édition s'est tenue à Alès.")).toBe(false);
    expect(hasQuantity("Le 3ème forum a réuni 60 structures.")).toBe(true);
  });
  it("a figure asked about one day's event is not given by another day's", () => {
    expect(askedDays("Combien d'exposants au forum du 1er octobre ?")).toEqual(["1 octobre"]);
    expect(askedDays("How many came on March 14?")).toEqual(["14 march"]);
    const q = "Combien d'exposants au forum du 14 mars ?";
    expect(givesAskedQuantity(q, "Le forum du 2 juin 2019 avait réuni 45 exposants.")).toBe(false);
    expect(givesAskedQuantity(q, "Le forum du 14 mars a réuni 45 exposants.")).toBe(true);
  });
  it("a how-long question is answered by a duration, not by another figure", () => {
    const q = "L'accompagnement, ça prend combien de semaines d'habitude ?";
    expect(givesAskedQuantity(q, "Il réunit trois consultants et deux structures.")).toBe(false);
    expect(givesAskedQuantity(q, "Il dure en général six semaines.")).toBe(true);
    expect(givesAskedQuantity("How long did their assignment last?", "It ran from 2023 to 2024.")).toBe(true);
    expect(givesAskedQuantity("et ça a duré combien de temps ?", "La mission a couru de mars 2022 à juin 2023.")).toBe(true);
  });
  it("a name the answer writes out, or that the card's phrasings carry, counts", () => {
    const q = "Combien de QPV compte le Gard ?";
    const eq = (t: string) => (t === "qpv" ? [analyze("quartiers prioritaires")] : []);
    expect(givesAskedQuantity(q, "Six quartiers prioritaires.", undefined, "", eq)).toBe(true);
    expect(givesAskedQuantity("Combien de membres compte le RTES ?", "Environ 180 membres.", undefined, "Le RTES, c'est quoi ?")).toBe(true);
  });
});

describe("a how-many question about things the answer names without counting them", () => {
  it("is not answered by a paragraph that names them with no number before them", () => {
    const text = "Le Département sensibilise ses élus et ses bénévoles à l'ESS ; c'est l'un des deux chantiers de l'axe transversal. [1]";
    expect(givesAsked("number", "Combien de bénévoles ont suivi la sensibilisation ?", text)).toBe(false);
    expect(givesAsked("number", "Combien de bénévoles ont suivi la sensibilisation ?", "Quarante bénévoles l'ont suivie en 2025. [1]")).toBe(true);
  });
  it("a figure in digits elsewhere in the paragraph, a mass noun or a measure are not checked this way", () => {
    expect(givesAsked("number", "Combien de bénéfices vont aux réserves ?", "Au moins 57,5 % des bénéfices sont mis en réserves. [1]")).toBe(true);
    expect(givesAsked("number", "Il faut combien de subvention pour une convention ?", "Une convention dès 23 000 € de subvention.")).toBe(true);
    expect(givesAsked("number", "Combien de personnes sont venues ?", "Environ deux cents acteurs étaient présents.")).toBe(true);
  });
});

describe("a how-many question answered only by a duration, a sum or a share of something else", () => {
  it("is not answered by years, euros or a share of a turnover placed before the things counted", () => {
    // « depuis plus de vingt ans des prêts » counts years; « 30 000 € » is a ceiling, not a number of loans
    const loans = "La plateforme accorde depuis plus de vingt ans des prêts à taux zéro, jusqu'à 30 000 €. [1]";
    expect(givesAsked("number", "Combien de prêts la plateforme accorde-t-elle chaque année ?", loans)).toBe(false);
    expect(givesAsked("number", "Combien de prêts la plateforme accorde-t-elle chaque année ?", "Environ 150 prêts par an. [1]")).toBe(true);
    // people asked: a share of a turnover, a duration count none of them
    const share = "La coopérative accueille des personnes qui testent leur activité ; chacune lui verse environ 8 % de son chiffre d'affaires. [1]";
    expect(givesAsked("number", "Combien de personnes la coopérative accueille-t-elle par an ?", share)).toBe(false);
    expect(
      givesAsked("number", "Combien de personnes la coopérative accueille-t-elle par an ?", "Elle accueille une cinquantaine de personnes par an. [1]"),
    ).toBe(true);
    expect(givesAsked("number", "Combien de personnes travaillent dans l'ESS ?", "L'ESS compte 24 000 salariés, 12 % de l'emploi. [1]")).toBe(true);
    // a price asked keeps reading the share as its answer
    expect(givesAsked("number", "Combien prend la coopérative sur le chiffre d'affaires ?", share)).toBe(true);
  });
});

describe("a how-many or what-share question about things narrowed by a qualifier", () => {
  it("reads the participle said of the counted things and the field they are in", () => {
    expect(askedQualifiers("Combien de bénévoles et de salariés ont été recrutés par les structures cette année ?")).toEqual(["recrutes"]);
    expect(askedQualifiers("combien de flyers imprimés pour le mois de l'ESS")).toEqual(["imprimes"]);
    expect(askedQualifiers("Quelle proportion des structures ESS travaille dans le tourisme et la santé ?")).toEqual(["tourisme", "sante"]);
    // a verb of another subject, a neutral participle, a place or a measure narrow nothing
    expect(askedQualifiers("Sur combien de communes les forums se sont-ils tenus ?")).toEqual([]);
    expect(askedQualifiers("Combien de coopératives sont implantées dans le Gard ?")).toEqual([]);
    expect(askedQualifiers("Le guide compte combien de chapitres, et qui l'a rédigé ?")).toEqual([]);
    expect(askedQualifiers("How many volunteers were trained?")).toEqual([]);
  });
  it("is not answered by a figure about those things without the qualifier", () => {
    const members = "Le Conseil départemental compte 46 conseillers départementaux, élus dans 23 cantons. [1]";
    expect(givesAsked("number", "Il y a combien d'élus départementaux sensibilisés à l'ESS depuis deux ans ?", members)).toBe(true);
    expect(givesAsked("number", "Combien d'élus départementaux ont été sensibilisés à l'ESS ?", members)).toBe(false);
    expect(givesAsked("number", "Combien d'élus départementaux ont été sensibilisés à l'ESS ?", "Vingt élus ont suivi une sensibilisation à l'ESS. [1]")).toBe(
      true,
    );
    const share = "Dans le Gard, l'ESS représente 11,6 % de l'emploi salarié. [1]";
    expect(givesAsked("number", "Quelle part des emplois de l'ESS est dans le tourisme ?", share)).toBe(false);
    expect(givesAsked("number", "Quelle part de l'emploi salarié est dans l'ESS ?", share)).toBe(true);
    // a participle of the same root in another form (« formés », « formation ») gives it
    expect(givesAsked("number", "Combien d'agents ont été formés ?", "La formation a réuni 35 agents en 2024. [1]")).toBe(true);
  });
});

describe("a sum asked in other words", () => {
  it("« quel est le montant », « quelle enveloppe », « doté de combien », not a count or a duration", () => {
    expect(asksSum("Quel est le montant de la dotation du fonds ?")).toBe(true);
    expect(asksSum("Quelle enveloppe pour le volet insertion ?")).toBe(true);
    expect(asksSum("Le fonds est doté de combien ?")).toBe(true);
    expect(asksSum("Combien de structures sont membres ?")).toBe(false);
    expect(asksSum("Quelle est la durée du contrat ?")).toBe(false);
  });
  it("an aid named, then « de combien » asked apart, is a sum; « de combien de mois » is not", () => {
    expect(asksSum("Le Département propose-t-il une aide aux recycleries, et de combien ?")).toBe(true);
    expect(asksSum("Ils font des prêts, mais de combien ?")).toBe(true);
    expect(asksSum("Un prêt d'honneur de combien de mois ?")).toBe(false);
    expect(asksSum("On parle de combien de structures aidées ?")).toBe(false);
  });
  it("a structure's turnover or yearly budget is a sum; the word alone in a rule is not", () => {
    expect(asksSum("Quel est le chiffre d'affaires de la recyclerie d'Uzès ?")).toBe(true);
    expect(asksSum("Leur chiffre d'affaires, c'est combien ?")).toBe(true);
    expect(asksSum("What was the co-op's turnover last year?")).toBe(true);
    expect(asksSum("What is their turnover?")).toBe(true);
    expect(asksSum("Le chiffre d'affaires compte-t-il pour l'agrément ESUS ?")).toBe(false);
    // a budget set aside for a thing is its sum; a budget as a document is not
    expect(asksSum("Et le budget consacré à cette feuille de route ?")).toBe(true);
    expect(asksSum("What about the budget allocated to the platform?")).toBe(true);
    expect(asksSum("Le budget prévisionnel doit-il être joint au dossier ?")).toBe(false);
  });
  it("a budget asked by itself in a few words is a sum; a budget named in a longer question is not", () => {
    expect(asksSum("et le budget de ce volet ?")).toBe(true);
    expect(asksSum("Et côté budget ?")).toBe(true);
    expect(asksSum("and its budget?")).toBe(true);
    expect(asksSum("le budget prévisionnel, on le dépose où ?")).toBe(false);
    expect(asksSum("Et le budget participatif de la commune, il concerne l'ESS ?")).toBe(false);
  });
});

describe("when questions", () => {
  it("ask when, not merely use « quand » as a conjunction", () => {
    expect(asksWhen("La MIESS a ouvert quand ?")).toBe(true);
    expect(asksWhen("Depuis quand le RTES existe-t-il ?")).toBe(true);
    expect(asksWhen("En quelle année le DLA a-t-il été créé ?")).toBe(true);
    expect(asksWhen("Quelles aides quand on est une petite SCOP ?")).toBe(false);
    expect(asksWhen("On peut déposer quand même sans partenaire ?")).toBe(false);
  });
  it("are read with a filler after « quand » and with « jusqu'à / depuis quand » anywhere", () => {
    expect(asksWhen("la plateforme elle a ouvert quand déjà ?")).toBe(true);
    expect(asksWhen("le réseau existe depuis quand exactement ?")).toBe(true);
    expect(asksWhen("le contrat c'est jusqu'à quand déjà ?")).toBe(true);
    expect(asksWhen("l'aide elle court jusqu'a quand pour nous ?")).toBe(true);
    // a conjunction followed by its clause is no question about a date
    expect(asksWhen("On garde l'aide quand déjà on a un salarié ?")).toBe(false);
    expect(asksWhen("Quel accompagnement quand on démarre ?")).toBe(false);
  });
  it("are answered by a date about what they name", () => {
    expect(hasDate("Il a ouvert en septembre.")).toBe(true);
    expect(hasDate("La permanence ouvre le jeudi à 9 h.")).toBe(true);
    expect(hasDate("Il réunit des associations.")).toBe(false);
    const q = "En quelle année la CRESS a-t-elle été créée ?";
    expect(givesAsked("date", q, "La CRESS a été créée en 2001.")).toBe(true);
    expect(givesAsked("date", q, "La CRESS organise le Mois de l'ESS. [1]\n\nLe RTES a été créé en 2002. [2]")).toBe(false);
  });
  it("asking until when, are answered by an end or a period, not by a start", () => {
    const q = "Le contrat de ville du Gard court jusqu'a quand ?";
    expect(givesAsked("date", q, "Le contrat de ville a été signé le 3 avril 2024.")).toBe(false);
    expect(givesAsked("date", q, "Le contrat de ville couvre la période 2024-2030.")).toBe(true);
    expect(givesAsked("date", q, "Il s'applique jusqu'en 2030.")).toBe(true);
    expect(givesAsked("date", "until when is the plan in force?", "The plan was voted in March 2024.")).toBe(false);
  });
});

describe("the answerer refuses a figure it does not have", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

  it("texting shorthand for intercommunal bodies and for the Gard by its number is understood", async () => {
    const reply = await ask("y a cmb de comcoms dans le 30 ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/\b11 communautés de communes/);
  });
  it("a figure for a year the sources do not give is not answered with another year's", async () => {
    const reply = await ask("Combien de projets l'Adie a-t-elle financés dans le Gard en 2022 ?");
    expect(reply.refused, reply.text).toBe(true);
    expect(reply.text).not.toMatch(/120/);
  });
  it("a count about one partner is not answered with a figure about another", async () => {
    const reply = await ask("Combien de porteurs le DLA du Gard a-t-il accompagnés en tout ?");
    expect(reply.refused, reply.text).toBe(true);
  });
  it("a how-many question is not answered by a figure about other things (participants, employees)", async () => {
    const reply = await ask("Combien de mutuelles sont implantées dans le Gard ?");
    expect(reply.refused, reply.text).toBe(true);
  });
  it("a how-many question is not answered by passages that speak of those things without counting them", async () => {
    const reply = await ask("Combien d'acheteurs du Département ont suivi la formation à l'ESS jusqu'ici ?");
    expect(reply.refused, reply.text).toBe(true);
  });
  it("a sum asked without « combien » (« quel est le montant… », « quelle enveloppe… ») is not answered by a description", async () => {
    const reply = await ask("Quelle enveloppe financière le Département réserve-t-il à l'axe 3 du schéma ?");
    expect(reply.refused, reply.text).toBe(true);
    const other = await ask("Quel est le montant de l'aide annuelle que le Département accorde à la CRESS ?");
    expect(other.refused, other.text).toBe(true);
  });
  it("a count the knowledge gives is answered", async () => {
    const reply = await ask("Combien de communes compte le Gard ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/351/);
  });
  it("a price asked in other words (« ça revient à combien ? ») is answered by « gratuit »", async () => {
    const reply = await ask("Un accompagnement du DLA, ça revient à combien pour nous ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/gratuit/);
  });
  it("the published figure is still given", async () => {
    const reply = await ask("Combien de projets l'Adie a-t-elle financés dans le Gard en 2025 ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/120/);
  });
  it("a card further down the matches gives the figure of a follow-up", async () => {
    // After project pistes, the topic is the process's name; the cards first matched give no such figure.
    const reply = await t.runtime.answerer.ask("et il en faut combien, de structures ? — Appel à communs (plateforme Gard centrale)", {
      audience: "porteur",
      own: "et il en faut combien, de structures ?",
    });
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.card).toBe("rep-aac-nombre-structures");
  });
  it("a card from a document found gives the figure the passages lack", async () => {
    const reply = await ask("Le Département met combien chaque année dans l'appel à communs ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/250 000/);
  });
});

describe("a year asked later than every year of the answer", () => {
  it("is a year the answer does not speak of", () => {
    expect(laterYearAsked("Quel programme pour le Mois de l'ESS 2026 ?", "Trois rendez-vous en novembre 2024.")).toBe("2026");
    expect(laterYearAsked("Quel programme pour le Mois de l'ESS 2024 ?", "Trois rendez-vous en novembre 2024.")).toBeNull();
    // an answer that reaches the year (a period), or says no year at all
    expect(laterYearAsked("Le schéma vaut-il encore en 2027 ?", "Le schéma couvre 2024-2028.")).toBeNull();
    expect(laterYearAsked("Combien d'axes en 2026 ?", "Quatre axes et un axe transversal.")).toBeNull();
    // « depuis 2026 » asks no year's facts
    expect(laterYearAsked("Qu'a changé le de minimis depuis 2030 ?", "Le règlement de 2023 s'applique.")).toBeNull();
  });
});

describe("a yes/no question that states a figure the text gives", () => {
  const text = "Le plafond par dossier n'est pas publié ; on sait seulement que 250 000 € par an vont à l'ensemble des communs.";
  it("checks a premise the text settles", () => {
    expect(premiseChecked("Un commun lauréat reçoit donc 250 000 euros à lui seul ?", text)).toBe(true);
    expect(premiseChecked("Is it right that each commons project gets 250,000 €?", text)).toBe(true);
    // « si j'ai bien compris » states a premise as « donc » does
    expect(premiseChecked("Si j'ai bien compris, chaque dossier retenu perçoit 250 000 € ?", text)).toBe(true);
  });
  it("not when the figure is another, or the question asks an amount", () => {
    expect(premiseChecked("Un commun lauréat reçoit donc 100 000 euros ?", text)).toBe(false);
    expect(premiseChecked("Quel est le montant maximum par commun ?", text)).toBe(false);
  });
});

describe("a figure for another place, time or level of detail than the one asked", () => {
  it("a Gard count is not answered by a national figure", () => {
    const national = "Environ 1 700 structures ESUS en France en mars 2019 : l'agrément restait alors peu répandu.";
    expect(givesAsked("number", "Combien de structures ont l'agrément ESUS dans le Gard ?", national)).toBe(false);
    expect(givesAsked("number", "Combien de structures détiennent l'agrément ESUS en France ?", national)).toBe(true);
    expect(givesAsked("number", "Combien de structures de l'ESS dans le Gard ?", "Près de 2 300 structures dans le Gard, contre 200 000 en France.")).toBe(
      true,
    );
  });
  it("the end of a period written 2024-2030 is not a year asked", () => {
    expect(askedYears("Le schéma couvre quelle période ? 2024-2030 ?")).toEqual(["2024"]);
    expect(laterYearAsked("Le schéma couvre quelle période ? 2024-2030 ?", "De 2024 à 2027 ou 2028, selon les sources.")).toBeNull();
    expect(askedYears("Quel budget en 2026 ?")).toEqual(["2026"]);
  });
  it("« last year » is not answered by a total with no recent year", () => {
    const total = "France Active : environ 13 500 projets soutenus et 212 millions d'euros de prêts depuis 1994.";
    expect(givesAsked("number", "and how many loans did they grant last year?", total)).toBe(false);
    expect(givesAsked("number", "Combien de prêts France Active a-t-elle accordés l'an dernier ?", total)).toBe(false);
    expect(givesAsked("number", "Combien de prêts France Active a-t-elle accordés ?", total)).toBe(true);
  });
  it("plural sums are sums asked", () => {
    expect(asksSum("avec quels acteurs, et pour quels montants ?")).toBe(true);
    expect(asksSum("quelles sommes ont été versées ?")).toBe(true);
    expect(asksSum("quels acteurs ?")).toBe(false);
  });
  it("the detail a card says is unpublished is not answered by its gist", () => {
    const card = "Des obligations de publication s'appliquent au-delà de 153 000 €. Le détail de ces obligations n'est pas précisé dans nos sources.";
    expect(detailUnpublished("Au-delà de 153 000 €, quelles sont précisément les obligations ?", card)).toBe(true);
    expect(detailUnpublished("Quelles obligations s'appliquent au-delà de 153 000 € ?", card)).toBe(false);
    expect(detailUnpublished("Quelles sont précisément les obligations ?", "Il faut publier les comptes.")).toBe(false);
  });
});

describe("a month or a weekday is a date, not a name asked about", () => {
  it("is not among the named terms", () => {
    expect(namedTerms("How many people took part in the October 2023 workshops?")).toEqual([]);
    expect(namedTerms("What happened on Tuesday 26 November at the MIESS?")).toEqual(analyze("MIESS"));
  });
  it("a French answer gives the figure of an English question naming the month", () => {
    const card = "Plus de 200 personnes, dans tout le Gard. Les ateliers territoriaux d'octobre 2023 ont réuni des partenaires.";
    expect(givesAsked("number", "How many people took part in the October 2023 territorial workshops?", card)).toBe(true);
  });
});

describe("a figure of people counts people, never things", () => {
  const crowd = "Plus de 150 personnes, venues de tout le département. Les réunions de quartier ont rassemblé des élus et des habitants. [1]";
  it("does not count the meetings, the projects or the places a question asks", () => {
    expect(givesAskedQuantity("Combien de réunions de quartier ont été organisées ?", crowd)).toBe(false);
    expect(countsAskedThings("il y a eu combien de réunions ?", crowd)).toBe(false);
    expect(countsAskedThings("How many projects were funded?", "About 90 people attended. [1]")).toBe(false);
  });
  it("still counts the people a question asks in other words", () => {
    expect(givesAskedQuantity("Combien de participants aux réunions de quartier ?", crowd)).toBe(true);
    expect(countsAskedThings("il y avait combien d'habitants ?", crowd)).toBe(true);
    expect(countsAskedThings("How many attendees were there?", "About 90 people attended. [1]")).toBe(true);
  });
});

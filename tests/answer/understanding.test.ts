/**
 * Reading questions as people write them: spelling corrected towards the knowledge's
 * words (never a real French word), colloquial French rewritten, elliptic follow-ups
 * recognised, card answers aligned with the question's polarity, question kinds, and
 * the logistic fit behind the answering decisions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanQuestion } from "../../src/answer/answerer.js";
import { alignPolarity, cardText, isOpenQuestion } from "../../src/answer/card-reply.js";
import type { AnswerCard } from "../../src/knowledge/cards.js";
import { answerType, answersType, asksAmount, givesAmount } from "../../src/answer/cards.js";
import { fitLogistic } from "../../src/answer/decision.js";
import { asksWhere, cardAnswersFollowUp, cardNamesTopic, isElliptic, loadAspectTerms, namesPlace, withTopic } from "../../src/answer/followup.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import { addWords, FrenchWords, osaDistance, Speller, type Vocabulary } from "../../src/retrieval/normalize.js";

describe("spelling correction", () => {
  const vocab: Vocabulary = new Map();
  addWords(vocab, "financement association coopérative accompagnement subvention structures communs");
  const speller = new Speller(vocab);

  it("corrects a misspelt word towards a word of the knowledge", () => {
    expect(speller.correct("finacement")).toBe("financement");
    expect(speller.correct("assocation")).toBe("association");
    expect(speller.correct("acompagnement")).toBe("accompagnement");
  });
  it("leaves real French words, short words and known words alone", () => {
    expect(FrenchWords.has("maire")).toBe(true);
    expect(speller.correct("maire")).toBeUndefined();
    expect(speller.correct("asso")).toBeUndefined();
    expect(speller.correct("financement")).toBeUndefined();
  });
  it("restores a lost apostrophe and corrects four-letter words by one edit with the same first letter", () => {
    const v: Vocabulary = new Map();
    addWords(v, "appel appel appel appel label projet structures communs");
    const sp = new Speller(v);
    // "lapel": "l' appel" (common) rather than "label" (rare), both one edit away.
    expect(sp.correct("lapel")).toBe("l' appel");
    expect(sp.correct("dappel")).toMatch(/appel$/);
    expect(sp.correct("apel")).toBe("appel");
    // A four-letter word is not turned into a word with another first letter.
    expect(sp.correct("zbel")).toBeUndefined();
  });
  it("measures transpositions as one edit", () => {
    expect(osaDistance("subvnetion", "subvention")).toBe(1);
    expect(osaDistance("abc", "xyz", 1)).toBe(2);
  });
});

describe("follow-up questions", () => {
  it("an elliptic question leans on the previous turn", () => {
    expect(isElliptic("c'est gratuit ?", 1)).toBe(true);
    expect(isElliptic("elle est où ?", 0)).toBe(true);
    expect(isElliptic("et pour une SCOP ?", 1, true)).toBe(true);
  });
  it("a condition put to what was just said leans on it, however many words state the condition", () => {
    expect(isElliptic("et si notre asso n'a encore aucun bénévole, c'est quand même possible ?", 3)).toBe(true);
    expect(isElliptic("mais s'il n'y a qu'une seule structure porteuse, ça reste ouvert ?", 3)).toBe(true);
    expect(isElliptic("and what if we are only two organisations for now?", 2)).toBe(true);
    // A condition naming its own subject asks its own question.
    expect(isElliptic("et si on demande aussi l'agrément ESUS pour notre structure, c'est long ?", 3, true)).toBe(false);
  });
  it("a question naming its own subject stands alone", () => {
    expect(isElliptic("c'est quoi le DLA ?", 1, true)).toBe(false);
    expect(isElliptic("Combien de structures faut-il pour l'appel à communs ?", 3, true)).toBe(false);
    // Opening on "et" does not make it elliptic when it names its subject and asks its own question.
    expect(isElliptic("et la CRESS, elle est où ?", 1, true)).toBe(false);
    expect(isElliptic("et le DLA ?", 1, true)).toBe(true);
  });
  it("a courtesy sentence before the question is not part of it", () => {
    expect(cleanQuestion("ok merci. et la CRESS elle est où ?")).toBe("et la CRESS elle est où ?");
    expect(cleanQuestion("Super, merci beaucoup ! Et pour une SCOP ?")).toBe("Et pour une SCOP ?");
    expect(cleanQuestion("Thanks! Who runs the DLA?")).toBe("Who runs the DLA?");
    // A message that is only courtesy, or a sentence that goes on, is kept.
    expect(cleanQuestion("ok merci")).toBe("ok merci");
    expect(cleanQuestion("D'accord je comprends, et pour une SCOP ?")).toBe("D'accord je comprends, et pour une SCOP ?");
  });
  it("a polite request that frames the question is dropped; a request for something else is kept", () => {
    expect(cleanQuestion("Bonjour, pourriez-vous m'indiquer la date du vote du SPASER ?")).toBe("la date du vote du SPASER ?");
    expect(cleanQuestion("Tu peux me rappeler combien coûte le DLA ?")).toBe("combien coûte le DLA ?");
    expect(cleanQuestion("Pouvez-vous me transmettre le dossier de l'association voisine ?")).toBe(
      "Pouvez-vous me transmettre le dossier de l'association voisine ?",
    );
  });
  it("a card just read answers a follow-up only when it holds the words and the kind of thing asked", () => {
    const card = {
      answer: "Une coopérative d'insertion installée à Beaucaire depuis 2012, dirigée par Jeanne Martin.",
      answer_en: "A work-integration cooperative based in Beaucaire.",
    };
    expect(cardAnswersFollowUp(card, "installée où déjà ?")).toBe(true);
    expect(cardAnswersFollowUp(card, "depuis quand ?")).toBe(true);
    expect(cardAnswersFollowUp(card, "where is it based?")).toBe(true);
    expect(cardAnswersFollowUp(card, "dirigée par qui ?")).toBe(true);
    // What the card lacks: a price, a number of employees, a word it does not hold.
    expect(cardAnswersFollowUp(card, "ça coûte combien ?")).toBe(false);
    expect(cardAnswersFollowUp(card, "combien de salariés ?")).toBe(false);
    expect(cardAnswersFollowUp(card, "et son site internet ?")).toBe(false);
    // A month after "in" is no place; « où » without its accent still asks one.
    expect(cardAnswersFollowUp({ answer: "Voted in November 2022 by the assembly." }, "voted where?")).toBe(false);
    expect(cardAnswersFollowUp({ answer: "Le vote a eu lieu en novembre 2022." }, "et c'etait ou le vote ?")).toBe(false);
  });
  it("a follow-up asking where wants a card naming a place, a web address coming second", () => {
    expect(asksWhere("c ou ?")).toBe(true);
    expect(asksWhere("where do they meet?")).toBe(true);
    expect(asksWhere("c'est pour qui ?")).toBe(false);
    expect(namesPlace({ answer: "Ses permanences se tiennent à Beaucaire et au Vigan." })).toBe(2);
    expect(namesPlace({ answer: "Tout se passe en ligne, sur exemple-plateforme.fr." })).toBe(1);
    expect(namesPlace({ answer: "Aux associations employeuses, depuis mars 2021." })).toBe(0);
  });
  it("the topic follows the new question", () => {
    expect(withTopic("c'est gratuit ?", "C'est quoi le DLA ?")).toBe("c'est gratuit ? — C'est quoi le DLA ?");
  });
  it("a card saying something is unpublished answers a follow-up only when it names the topic", () => {
    const unpublished = {
      answer: "Le montant accordé à chaque lauréat du concours n'est pas publié.",
      questions: ["Combien touche chaque lauréat du concours ?"],
    };
    const own = "ça monte à combien au maximum ?";
    expect(cardNamesTopic(unpublished, withTopic(own, "La couveuse d'entreprises, elle propose quoi ?"), own)).toBe(false);
    expect(cardNamesTopic(unpublished, withTopic(own, "Le concours des lauréats ESS, c'est quoi ?"), own)).toBe(true);
    // A topic made of general words (the Gard, the ESS) ties no card to it; a question read alone neither.
    expect(cardNamesTopic(unpublished, withTopic(own, "Et dans le Gard, l'ESS c'est quoi ?"), own)).toBe(true);
    expect(cardNamesTopic(unpublished, own, own)).toBe(true);
  });
});

describe("aspect words (lexique/aspects.yaml)", () => {
  it("are read from the knowledge folder, analysed like questions; absent file: none; invalid file: an error", () => {
    const bundled = loadAspectTerms(path.resolve(import.meta.dirname, "../../knowledge"));
    for (const w of ["année", "combien", "organise", "where"]) for (const t of analyze(w)) expect(bundled.has(t), w).toBe(true);
    // What happened to a subject, and its budget, without naming it: « adopté en quelle année ? », « et l'enveloppe ? ».
    for (const w of ["adopté", "créé", "enveloppe", "durer", "launched", "va"]) for (const t of analyze(w)) expect(bundled.has(t), w).toBe(true);
    // Words that name a subject are not aspects.
    for (const w of ["DLA", "agrément", "présidente"]) for (const t of analyze(w)) expect(bundled.has(t), w).toBe(false);
    // « fondé » is analysed like « fonds » (a subject): the aspect is written « fondée ».
    for (const w of ["fonds", "fonds de dotation"]) for (const t of analyze(w)) expect(bundled.has(t), w).toBe(false);
    for (const w of ["fondée", "présenté", "vaut", "take"]) for (const t of analyze(w)) expect(bundled.has(t), w).toBe(true);
    const dir = mkdtempSync(path.join(os.tmpdir(), "aspects-"));
    expect(loadAspectTerms(dir).size).toBe(0);
    mkdirSync(path.join(dir, "lexique"));
    writeFileSync(path.join(dir, "lexique", "aspects.yaml"), "annee: [1, 2]\n");
    expect(() => loadAspectTerms(dir)).toThrow(/aspects\.yaml/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("question kinds", () => {
  it("« le nombre minimal de… » asks for a number", () => {
    expect(answerType("le nombre minimal de partenaires exigé ?")).toBe("number");
  });
  it("reads what kind of answer is expected", () => {
    expect(answerType("combien de structures faut-il ?")).toBe("number");
    expect(answerType("le schéma a été voté quand ?")).toBe("date");
    expect(answerType("qui est la vice-présidente ?")).toBe("who");
    expect(answerType("c'est quoi un PTCE ?")).toBe("definition");
    expect(answerType("How many people work in the ESS?")).toBe("number");
    // An English question on a budget asks a sum, as « quel budget ? » does.
    expect(answerType("and what's the budget of this measure?")).toBe("number");
    expect(asksAmount("What is the amount for each project?")).toBe(true);
    // « ça coûte quoi ? » asks a price, as « combien ? » does: the answer is not led by « Oui » or « Non ».
    expect(answerType("et l'incubateur, ça nous coûterait quoi ?")).toBe("number");
    expect(answerType("une formation comme ça, ça revient à quoi ?")).toBe("number");
    expect(answerType("what does this cost for a small association?")).toBe("number");
  });
  it("an answer without a number cannot answer « combien »", () => {
    expect(answersType("number", "C'est une plateforme en ligne.")).toBe(false);
    expect(answersType("number", "Au moins trois structures.")).toBe(true);
    expect(answersType("date", "Le 8 mars 2024.")).toBe(true);
  });
});

describe("card polarity", () => {
  it("drops a Non that would contradict the statement asked the other way", () => {
    expect(alignPolarity("Non, il est gratuit : le DLA finance tout.", "c'est gratuit le DLA ?")).toBe("Il est gratuit : le DLA finance tout.");
  });
  it("drops the English card's No with the French one when the question is asked the other way", () => {
    const card = {
      id: "c",
      questions: ["Le service est-il payant ?"],
      answer: "Non, il est gratuit : le réseau finance tout.",
      answer_en: "No, it is free: the network pays for everything.",
      sources: ["dla"],
    } as unknown as Parameters<typeof cardText>[0];
    expect(cardText(card, 1, true, "Is the service free?")).toBe("It is free: the network pays for everything. [1]");
    expect(cardText(card, 1, true, "Does the service cost anything?")).toBe("No, it is free: the network pays for everything. [1]");
  });
  it("keeps a Non that answers the question", () => {
    expect(alignPolarity("Non, il n'est pas payant.", "le DLA est payant ?")).toBe("Non, il n'est pas payant.");
    expect(alignPolarity("Non : trois structures suffisent.", "il faut cinq structures ?")).toBe("Non : trois structures suffisent.");
  });
  it("drops the No of a card on interest asked whether the loan is to be repaid", () => {
    const card = "Non, il est à taux zéro : un prêt personnel sans intérêt, à rembourser.";
    expect(alignPolarity(card, "ce prêt, on doit le rembourser ?")).toBe("Il est à taux zéro : un prêt personnel sans intérêt, à rembourser.");
    expect(alignPolarity(card, "Does the loan have to be repaid?")).toBe("Il est à taux zéro : un prêt personnel sans intérêt, à rembourser.");
    // asked about the interest, the card's No stays; and a grant that is not repaid keeps its No
    expect(alignPolarity(card, "il y a des intérêts sur ce prêt ?")).toBe(card);
    expect(alignPolarity("Non : c'est une subvention, sans remboursement.", "la subvention est-elle à rembourser ?")).toBe(
      "Non : c'est une subvention, sans remboursement.",
    );
  });
  it("drops Oui / Non before the statement when the question is open (who, where, when, how many, what is)", () => {
    expect(alignPolarity("Non : c'est la DDETS qui le délivre, pas le Département.", "Our cooperative needs the approval: who issues it?")).toBe(
      "C'est la DDETS qui le délivre, pas le Département.",
    );
    expect(alignPolarity("Oui : au 176 boulevard Salvador-Allende.", "C'est où, le service ESS ?")).toBe("Au 176 boulevard Salvador-Allende.");
    expect(alignPolarity("Non : trois structures suffisent.", "Il faut combien de structures au minimum ?")).toBe("Trois structures suffisent.");
  });
  it("drops Oui / Non before the statement when an interrogative word opens the question (which, how, in which…)", () => {
    expect(alignPolarity("Oui, de la SCIC Gard et Autonomie.", "Dans quelle SCIC le Département a-t-il pris une participation ?")).toBe(
      "De la SCIC Gard et Autonomie.",
    );
    expect(alignPolarity("Oui, c'est l'axe transversal.", "Quel axe couvre la formation des agents ?")).toBe("C'est l'axe transversal.");
    expect(alignPolarity("Oui. Une feuille de route existe.", "et comment on répond aux marchés ?")).toBe("Une feuille de route existe.");
    expect(isOpenQuestion("Which axis covers training?")).toBe(true);
    expect(isOpenQuestion("Le GSEF de Bordeaux, c'était à quelles dates ?")).toBe(true);
    expect(isOpenQuestion("le dla ça sert à quoi ?")).toBe(true);
    expect(isOpenQuestion("Une SCIC, quelle que soit sa taille, peut-elle candidater ?")).toBe(false);
    expect(isOpenQuestion("Le Département peut-il entrer au capital de notre SCIC, et à quelle hauteur ?")).toBe(false);
    expect(isOpenQuestion("La loi 3DS a changé quoi pour les SCIC ?")).toBe(true);
    expect(isOpenQuestion("Il est où le site pour voir les communs ?")).toBe(true);
    expect(isOpenQuestion("En CAE on est salarié ou indépendant ?")).toBe(true);
    expect(isOpenQuestion("Le guide, c'est qui qui l'a écrit ?")).toBe(true);
    expect(isOpenQuestion("Le DLA c'est pour les assos ou pas ?")).toBe(false);
    expect(isOpenQuestion("Le DLA c'est payant ?")).toBe(false);
  });
  it("reads an English question's claim word against a French card answer", () => {
    expect(alignPolarity("Non, il est gratuit pour la structure accompagnée.", "is it free?")).toBe("Il est gratuit pour la structure accompagnée.");
    expect(alignPolarity("Non, il est gratuit pour la structure accompagnée.", "is it paid?")).toBe("Non, il est gratuit pour la structure accompagnée.");
    expect(isOpenQuestion("Le DLA est-il payant ?")).toBe(false);
    expect(isOpenQuestion("Est-ce que le DLA est gratuit ?")).toBe(false);
    expect(isOpenQuestion("Is the DLA free?")).toBe(false);
  });
  it("drops Yes / No before an English card answer to an open question, and keeps it for a yes/no one", () => {
    const card = { answer: "Oui : en octobre 2025.", answer_en: "Yes: in October 2025, in Bordeaux.", sources: ["a"] } as unknown as AnswerCard;
    expect(cardText(card, 1, true, "When was it shown at the GSEF?")).toBe("In October 2025, in Bordeaux. [1]");
    expect(cardText(card, 1, true, "Was it shown at the GSEF?")).toBe("Yes: in October 2025, in Bordeaux. [1]");
  });
});

describe("logistic fit", () => {
  it("separates two groups on the signal that tells them apart", () => {
    const rows = [
      [0.1, 0.5],
      [0.2, 0.4],
      [0.15, 0.6],
      [0.8, 0.5],
      [0.9, 0.45],
      [0.85, 0.55],
    ];
    const { weights, bias } = fitLogistic(rows, [0, 0, 0, 1, 1, 1]);
    expect(weights[0]).toBeGreaterThan(1);
    expect(Math.abs(weights[1]!)).toBeLessThan(weights[0]!);
    expect(bias).toBeLessThan(0);
  });
});

describe("extractive answers read as answers", () => {
  it("keep one « à vérifier » notice", async () => {
    const { oneCheckNotice } = await import("../../src/answer/extractive.js");
    expect(oneCheckNotice("Le 12 novembre (à vérifier) et le 22 novembre (à vérifier).")).toBe("Le 12 novembre (à vérifier) et le 22 novembre.");
  });
});

describe("spelling correction on hostile input", () => {
  it("leaves a 20 000-letter word alone (its deletes would exhaust memory)", () => {
    const vocab: Vocabulary = new Map([["financement", 3]]);
    expect(new Speller(vocab).correct("a".repeat(20_000))).toBeUndefined();
  });
});

describe("questions that ask a sum of money", () => {
  it("« c'est combien ? » and « quel montant » ask an amount; « combien de structures » does not", () => {
    expect(asksAmount("et c'est combien ?")).toBe(true);
    expect(asksAmount("Quel montant peut-on obtenir ?")).toBe(true);
    expect(asksAmount("How much money is there?")).toBe(true);
    expect(asksAmount("Il faut combien de structures ?")).toBe(false);
  });
  it("an amount is a sum in euros, « gratuit » or « pas publié », not any number", () => {
    expect(givesAmount("Jusqu'à 12 000 € par projet.")).toBe(true);
    expect(givesAmount("L'accompagnement est gratuit.")).toBe(true);
    expect(givesAmount("Environ 10 % du chiffre d'affaires.")).toBe(true);
    expect(givesAmount("Quatre thématiques ont été évoquées.")).toBe(false);
  });
});

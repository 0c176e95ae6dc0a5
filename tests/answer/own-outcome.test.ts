/**
 * The outcome of the person's own request (decision taken or to come) is read by its meaning: wordings written for
 * this test, in several registers and both languages, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { asksNextDate, asksOthersOutcome, asksOwnOutcome } from "../../src/answer/own-outcome.js";

describe("asksOwnOutcome", () => {
  const asked = [
    "Le DLA va-t-il accepter de nous accompagner l'an prochain ?",
    "Do you reckon Initiative Gard will approve my loan?",
    "La DDETS nous a refusé l'agrément ?",
    "mon pret d'honneur c'est validé ?",
    "Est-ce que la Région acceptera notre dossier Pass Occitanie ?",
    "Vont-ils nous dire oui pour la subvention ?",
    "Je vais être pris à Alter'Incub ?",
    "On a postulé chez France Active en juin. Ils ont accepté ?",
    "Initiative Gard m'a accordé le prêt ou pas, vous savez ?",
    "Has the committee approved our guarantee yet?",
    "Le Département va-t-il entrer à notre capital l'an prochain ?",
    "Dites-moi si notre demande a été retenue.",
    // the award itself, in the future: what the person's structure will get
    "Est-ce que notre SCOP recevra la subvention du Département cette année ?",
    "On aura le prêt d'honneur ou pas ?",
    "Will we get the grant from the Department this autumn?",
    // the reason of a refusal of one's own file
    "France Active nous a refusé la garantie, pourquoi ?",
    "Why was our application turned down?",
    "Pourquoi ont-ils rejeté notre candidature ?",
    // winning a call for tenders or a contract one bid for
    "Allons-nous remporter le marché de restauration scolaire auquel on a répondu ?",
    "Est-ce qu'on va décrocher l'appel d'offres de la commune ?",
    "Did we win the catering tender from the town hall?",
    "Are we going to win the maintenance contract with the Department?",
    // the answer or the decision on one's own file, to come
    "On a déposé en mars à la DDETS, quand aurons-nous la décision ?",
    "J'aurai la réponse de France Active avant l'été ?",
    // the award given to one's own structure
    "Le Département va-t-il nous verser la subvention cette année ?",
    "La Région nous attribuera-t-elle l'aide ?",
    "Will the Department give us the grant in the end?",
    // the handling of one's own file (examined, assigned), in English as in French
    "Has our ESUS file been processed by now?",
    "Was my loan application looked at by the committee?",
    "Notre demande a-t-elle été affectée à un conseiller ?",
    // being taken on by a cooperative or an incubator, when applying is the only condition
    "La coopérative va me prendre si je candidate à la rentrée ?",
    "Alter'Incub nous prendra si on dépose en septembre ?",
    // the renewal of one's own aid or contract, passive or as a state
    "Notre convention avec la Région, elle est reconduite cette année ?",
    "Mon prêt d'honneur sera-t-il prolongé ?",
    "Will our grant be renewed next year?",
    // the sum of one's own award, asked with « combien » and a body giving it to the person
    "Tu peux me dire combien le Département va nous verser pour la recyclerie ?",
    "cb la Région va me donner pour le nouveau local ?",
    "Combien la fondation nous accordera cette année ?",
    "How much is the city going to give us this year?",
    "How much money will we get from the foundation?",
    // a guarantee of one's own loan, to come
    "Est-ce que la SIAGI va nous garantir le crédit du camion ?",
    "Will the guarantee fund back my bank loan? Will it guarantee my loan?",
    // where one's own file stands
    "Pouvez-vous vérifier où en est notre demande d'agrément ?",
    "Could you look up the status of my application for the ESUS label?",
    // a loan or a sum given to the person, to come or in the conditional, or asked with one's own case named
    "Initiative Gard va me prêter combien, dans mon cas ?",
    "Combien peuvent-ils me prêter, vu ma situation ?",
    "Ils me prêtent combien, compte tenu de mon profil ?",
    "On pourrait recevoir combien, dans notre cas ?",
    "How much can I borrow in my case?",
    "How much would France Active lend us?",
    "L'Adie me prêterait 6 000 euros ?",
    "Le Département va nous verser 20 000 € pour la ressourcerie ?",
    "Je vais toucher 3 000 € de la Région ?",
    "Would the Adie lend me 5,000 euros?",
    "Will I get €10,000 from the Department?",
    "Is the city going to give us 12k for the café?",
    "Ils vont me prêter, vu ma situation ?",
    "Will the Adie lend to me?",
    "Are they going to lend me the money, given my situation?",
    // a circumstance of one's own after the clause that asks belongs to it
    "La Région va financer notre camion, pour notre asso ?",
    // when one's own result comes (a diagnosis, an approval, an answer)
    "On a sollicité Acegaa le mois dernier : quand est-ce qu'on va avoir notre diagnostic ?",
    "Quand est-ce que notre agrément ESUS sera prêt ?",
    "When will we get our diagnosis from the DLA? We applied in March.",
    "When do I hear back about my application?",
    // one's own request named at length before the decision, in English
    "Will our France Active guarantee request be accepted?",
    "would my Alter'Incub incubation application be approved?",
    // one's own project picked by a programme
    "Vont-ils choisir notre projet pour la prochaine promo ?",
    "Alter'Incub va nous choisir ?",
    "Are they going to pick us for the spring intake?",
  ];
  for (const q of asked) it(`asks: ${q}`, () => expect(asksOwnOutcome(q)).toBe(true));

  const notAsked = [
    "Si notre dossier est accepté, quand l'argent arrive-t-il ?",
    "Comment faire pour que notre demande soit acceptée ?",
    "Qui va financer notre projet de ressourcerie ?",
    "Notre SCOP a été agréée ESUS l'an dernier : quels avantages fiscaux pour nos sociétaires ?",
    "Un projet refusé peut-il être redéposé ?",
    "What happens if our application is rejected?",
    "L'agrément ESUS est accordé pour combien de temps ?",
    "Si la DDETS ne répond pas à notre demande, c'est accepté ?",
    "La banque a refusé mon prêt, l'Adie peut-elle m'aider ?",
    "L'agrément ESUS est accordé pour dix ans, je me trompe ?",
    "Je peux candidater seul avec mon asso ou pas ?",
    "Est-ce que notre SCOP sera éligible à l'appel à communs ?",
    "Le Département peut-il financer notre projet ?",
    "Une asso me demande si son projet sera retenu, que lui dire ?",
    "Could the Department give us a grant for a new oven?",
    "Notre SCOP est-elle agréée ESUS automatiquement ?",
    "Le Département, il finance ce genre de projet ou pas ?",
    "Un adhérent me demande si son prêt sera accordé, que lui dire ?",
    // a right, a rule or a reason that the sources give
    "Notre association aura-t-elle droit au DLA ?",
    "Pourquoi l'agrément ESUS est-il refusé aux entreprises cotées ?",
    "Notre SCIC a été agréée l'an dernier, pourquoi est-ce utile pour lever des fonds ?",
    "If we are selected, will we get the money in one go or in instalments?",
    // how a tender is won, what answer a body gives in general, what a body pays: rules the sources give
    "Comment une SCOP peut-elle remporter un marché public du Département ?",
    "How can a social enterprise win public contracts in the Gard?",
    "Dans quel délai la DDETS donne-t-elle sa réponse pour l'agrément ESUS ?",
    "Quelle aide le Département va-t-il verser aux lauréats de l'appel à communs ?",
    // a situation described, not an outcome asked
    "No bank will give us a loan for the food truck.",
    "Aucune banque ne va nous verser de prêt, quelles solutions ?",
    // how files are handled, which body handles them, a share or a time taken, a criterion as a condition
    "How are the applications reviewed at France Active?",
    "Is our file handled by the DDETS or by the Department?",
    "La CAE va me prendre quel pourcentage ?",
    "Le montage du dossier va nous prendre du temps ?",
    "La coopérative va me prendre si je n'ai pas encore de clients ?",
    // renewing is the person's own act, or a rule
    "On va renouveler notre agrément ESUS, c'est automatique ?",
    "Notre agrément ESUS est renouvelé comment ?",
    "Le contrat de ville est-il reconduit jusqu'en 2030 ?",
    // a ceiling, a usual sum or what a body gives in general: published amounts
    "Combien la Région peut-elle donner au maximum à une petite entreprise ?",
    "Combien le Département donne-t-il chaque année aux communs ?",
    "Tu peux me dire combien on peut toucher au max avec le prêt d'honneur ?",
    "How much can a cooperative get at most from the Adie?",
    "How much does the Department give the call for commons each year?",
    // what a guarantee is for, or who gives one: a rule
    "France Active peut-elle garantir un prêt bancaire ?",
    "Quelles structures vont garantir les prêts des SCIC ?",
    // where to apply is no state of a file
    "Where do we submit our application for the call for commons?",
    // a ceiling, a rate, a usual sum, who lends: rules; a body's help to a kind of firm; a room lent
    "Combien peut-on emprunter au maximum avec un prêt d'honneur ?",
    "How much can the Adie lend to a new business?",
    "La Région donne combien d'habitude pour un Pass Occitanie ?",
    "Le microcrédit de l'Adie va jusqu'à combien ?",
    "L'Adie prête à quel taux ?",
    "Will the Region support small firms in the Gard?",
    "Will the Region give small businesses 15k for a van?",
    "Qui va me prêter, vu ma situation ?",
    "Dans mon cas, c'est combien au maximum le prêt d'honneur ?",
    "Le Département va nous prêter des locaux pour le commun ?",
    "Combien de temps ils vont mettre pour me prêter, dans mon cas ?",
    "Quels financements pour mon projet, vu ma situation ?",
    "On aura 500 € de frais de dossier ?",
    // no one lending describes the situation
    "No bank will lend me 10,000 euros for my food truck, who can help?",
    "Aucune banque ne me prêtera les 5 000 € dont j'ai besoin, que faire ?",
    "La banque ne va me prêter que 3 000 €, qui d'autre ?",
    // when a step comes in a procedure, how or which projects a programme picks, one's own choice: rules or no outcome
    "Quand fait-on le diagnostic partagé ?",
    "When does the diagnosis take place in the DLA?",
    "Which projects will they pick for the next cohort?",
    "How does Alter'Incub choose the projects for its cohort?",
    "Je vais choisir mon statut juridique : SCOP ou SCIC ?",
    "Will my cooperative be eligible for the call for commons?",
    "Quand aurons-nous le droit de candidater à l'appel à communs ?",
  ];
  for (const q of notAsked) it(`does not ask: ${q}`, () => expect(asksOwnOutcome(q)).toBe(false));
});

describe("asksOthersOutcome", () => {
  const asked = [
    "L'épicerie solidaire du Vigan a-t-elle obtenu son prêt France Active ?",
    "La ressourcerie d'Alès a eu sa subvention finalement ?",
    "Did the Uzès co-op get its ESUS approval?",
    "Cette SCIC, son dossier a-t-il été retenu ?",
    // a named structure's project or file, selected or to be
    "Et le projet de la régie de quartier de Beaucaire, il sera retenu cette année ?",
    "La candidature de la ressourcerie d'Alès a-t-elle été acceptée ?",
    "Le dossier de la SCIC Cévennes Bois va-t-il être validé ?",
    "Will the Repair Café's application be approved?",
    "Was the Nîmes food bank's project selected?",
    "Will the project of La Fabrique in Alès be chosen for the call for commons?",
  ];
  for (const q of asked) it(`asks: ${q}`, () => expect(asksOthersOutcome(q)).toBe(true));

  const notAsked = [
    "Le Département a-t-il financé des communs en 2025 ?",
    "Combien de structures ont obtenu leur agrément ESUS dans le Gard ?",
    "Une entreprise qui a obtenu son agrément ESUS peut-elle le perdre ?",
    "Si une asso a obtenu sa subvention, doit-elle faire un bilan ?",
    // a kind of file, projects in general, a public body's project: rules or public acts
    "Le dossier de candidature sera-t-il examiné par un jury ?",
    "Le projet d'une association sera-t-il retenu s'il est porté seul ?",
    "Les projets des associations seront-ils retenus par un jury ?",
    "Le projet de territoire du contrat de ville sera-t-il validé par l'État ?",
    "Will the project be selected by a jury?",
    "Will an association's project be funded if it is alone?",
  ];
  for (const q of notAsked) it(`does not ask: ${q}`, () => expect(asksOthersOutcome(q)).toBe(false));
});

describe("asksNextDate", () => {
  const asked = [
    "Le prochain Grand atelier, vous savez quand il aura lieu ?",
    "When's the next info session on the commons call?",
    "prochaine reunion du club achat c qd ?",
    "La commission se réunit quel jour le mois prochain ?",
    "Quelle date pour la prochaine promo de l'incubateur ?",
    "Et les prochaines Rencontres, ce sera quand ?",
  ];
  for (const q of asked) it(`asks: ${q}`, () => expect(asksNextDate(q)).toBe(true));

  const notAsked = [
    "Quelle est la prochaine étape après le dépôt du dossier ?",
    "Les prochaines Rencontres du mécénat, qui les organise ?",
    "Quand a eu lieu la dernière rencontre du mécénat ?",
    "What are the next steps once we are selected?",
    "Quand le schéma a-t-il été voté ?",
  ];
  for (const q of notAsked) it(`does not ask: ${q}`, () => expect(asksNextDate(q)).toBe(false));
});

/**
 * Reading a project description without a model: eligibility facts (with the forms
 * the extractor does not know), kinds of need from knowledge/liens-schema.yaml,
 * territory (commune → EPCI, QPV, rural) and stage; and telling a project from a
 * question about the schema.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describesProject, mightDescribeProject } from "../../src/fit/detect.js";
import { askedZone, countListedStructures, emphasisZones, foldText, projectFeatures, requestZone } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);
const read = (text: string) => projectFeatures(text, links);
const needIds = (text: string) => read(text).needs.map((n) => n.need.id);

describe("needs", () => {
  it("reads cooperation, rural service and funding in a holder's colloquial message", () => {
    const f = read(
      "slt on est 4 assos sur le vigan + une CAE, on veut faire une conciergerie partagée pr les personnes agées isolées des hameaux, y a des sous ?",
    );
    expect(f.needs.map((n) => n.need.id)).toEqual(expect.arrayContaining(["cooperation", "territoire-rural-qpv", "financement"]));
    expect(f.facts.partnerStructures).toBe(5);
  });

  it("a seed grant to test a project (« aide d'amorçage ») is its own need, for France Active's Pacte Émergence", () => {
    const ids = needIds("asso en création à Vergèze, on veut tester l'idée avant de se lancer : il y a une aide d'amorçage ?");
    expect(ids).toContain("amorcage");
    expect(links.needs.find((n) => n.id === "amorcage")!.links[0]!.process).toBe("france-active");
  });

  it("reads equity, guarantee or loan, consolidation, incubation and a test of activity as distinct needs", () => {
    expect(
      needIds("Notre SCOP de 5 salariés à Uzès doit remplacer une presse et il nous manque des fonds propres : existe-t-il des prêts participatifs ?"),
    ).toContain("fonds-propres");
    expect(needIds("Une SCIC nîmoise doit financer des travaux ; sa banque accepte le prêt à condition d'obtenir une garantie.")).toContain("pret-garantie");
    expect(needIds("Notre association de 4 salariés est en déficit, on voudrait revoir notre modèle économique et notre gouvernance.")).toContain(
      "consolidation",
    );
    expect(needIds("On a l'idée d'une coopérative de livraison, on cherche un incubateur pour nous accompagner.")).toContain("incubation");
    expect(needIds("Je voudrais tester une activité de formatrice sans créer de société et garder un statut de salariée.")).toContain("tester-activite");
  });

  it("« le patron » (the boss) is no patronage; a CUMA opening the message is a cooperative", () => {
    expect(needIds("Les salariés veulent reprendre l'imprimerie au départ à la retraite du patron.")).not.toContain("mecenat");
    expect(read("Une CUMA de Roquemaure cherche une aide à l'investissement pour un hangar.").facts.legalForm).toBe("cooperative");
  });

  it("reads market access, patronage, network, SCIC shares, insertion and ESUS approval", () => {
    expect(needIds("Nous voudrions répondre aux marchés publics du Département avec clauses sociales.")).toContain("marches-publics");
    expect(needIds("Notre association cherche des mécènes et des fondations d'entreprise pour financer des tablettes.")).toContain("mecenat");
    expect(needIds("Je voudrais rencontrer d'autres structures de l'ESS et rejoindre un réseau, nous sommes isolés.")).toContain("reseau");
    expect(needIds("Notre SCIC aimerait que le Département prenne des parts sociales et entre au capital.")).toContain("capital-scic");
    expect(needIds("On voudrait créer un atelier chantier d'insertion pour des allocataires du RSA.")).toContain("insertion");
    expect(needIds("Nos investisseurs voudraient la réduction d'impôt : comment obtenir l'agrément ESUS ?")).toContain("agrement-esus");
  });

  it("« y a-t-il… ? » / « is there… ? » asks for what follows", () => {
    expect(requestZone("On est trois étudiantes à Nîmes. Y a-t-il un incubateur ESS dans le coin ?")).toContain("incubateur");
    expect(requestZone("We are a small coop in Alès. Is there a guarantee fund for our bank loan?")).toContain("guarantee");
  });

  it("what the writer asks (a sentence ending with « ? ») in a longer message weighs in the ranking", () => {
    const text = "On transforme notre asso d'insertion de Bellegarde en SCIC. Est-ce que le Département peut entrer au capital ?";
    expect(askedZone(text)).toContain("entrer au capital");
    expect(askedZone(text)).not.toContain("insertion");
    // One sentence mixes the description and the question: no zone.
    expect(askedZone("Notre entreprise d'insertion voudrait répondre aux marchés, y a un accompagnement ?")).toBe("");
    const needs = read(text).needs;
    expect(needs.find((n) => n.need.id === "capital-scic")?.asked).toBeGreaterThan(0);
    expect(needs.find((n) => n.need.id === "insertion")?.asked).toBeUndefined();
  });

  it("what the writer says comes first (« surtout ») weighs more, what they add « par ailleurs » less", () => {
    const z = emphasisZones(foldText("Ils veulent une légumerie. Ils demandent surtout comment répondre aux marchés. Par ailleurs, un prêt serait utile."));
    expect(z.main).toContain("repondre aux marches");
    expect(z.secondary).toContain("un pret");
    expect(z.rest).not.toContain("pret");
    const text =
      "Notre centre social de 18 salariés veut revoir sa stratégie et sa gouvernance. Il demande par ailleurs s'il existe une garantie pour un prêt de trésorerie.";
    const needs = read(text).needs;
    expect(needs.find((n) => n.need.id === "pret-garantie")?.asked).toBeLessThan(0);
    expect(needs.find((n) => n.need.id === "consolidation")?.asked).toBeUndefined();
  });

  it("advice someone else gave (« un ami nous dit qu'il faut… ») weighs less than the writer's own need", () => {
    const text =
      "Notre coopérative de covoiturage n'a pas encore de société à Alès. On nous a dit qu'il faut un prêt participatif. Nous voulons d'abord construire le modèle économique.";
    expect(read(text).needs.find((n) => n.need.id === "fonds-propres")?.asked).toBeLessThan(0);
    const own = read(text.replace("On nous a dit qu'il faut", "Nous voudrions"));
    expect(own.needs.find((n) => n.need.id === "fonds-propres")?.asked ?? 0).toBeGreaterThanOrEqual(0);
  });

  it("« le vrai sujet », « ce qui manque c'est » mark what comes first, like « surtout »", () => {
    const text = "Le club de rugby de Vauvert voudrait des sponsors, mais le vrai besoin est de revoir sa gouvernance avec ses 4 salariés.";
    expect(emphasisZones(foldText(text)).main).toContain("gouvernance");
    expect(read(text).needs.find((n) => n.need.id === "consolidation")?.asked).toBeGreaterThan(0);
    expect(emphasisZones(foldText("Le local est trouvé ; ce qui nous manque c'est une garantie bancaire.")).main).toContain("garantie");
    expect(emphasisZones(foldText("On a des partenaires, mais notre problème, c'est la gestion des bénévoles.")).main).toContain("benevoles");
  });

  it("« nous voulons », « je veux » introduce what is asked", () => {
    expect(requestZone("Nous voulons savoir comment répondre aux marchés.")).toContain("marches");
    expect(requestZone("Je veux un prêt pour mon camion.")).toContain("pret");
  });

  it("a need stated in what is asked outweighs one that only describes the carrier", () => {
    const f = read("Nous sommes une entreprise d'insertion à Nîmes. Nous voudrions décrocher des marchés du Département avec clauses sociales.");
    const strength = (id: string) => f.needs.find((n) => n.need.id === id)?.strength ?? 0;
    expect(requestZone("Nous sommes une entreprise d'insertion. Nous voudrions décrocher des marchés.")).toContain("decrocher des marches");
    expect(strength("marches-publics")).toBeGreaterThan(strength("insertion"));
  });

  it("reads where to start, a first stock and short-term rentals in new words", () => {
    expect(needIds("Un collectif de Quissac ne sait pas à qui parler de son idée de café associatif.")).toContain("contact");
    expect(needIds("Je voudrais un petit prêt pour mon premier stock de savons artisanaux.")).toContain("creation-individuelle");
    const rental = read("We bought two houses near Uzès and want to rent them out as short-term rentals; any grant?");
    expect(rental.needs.find((n) => n.need.id === "hors-champ")?.expressions).toBeGreaterThanOrEqual(2);
  });

  it("a typo is a word French does not know: « conclure » is no « concours », « mecennat » is « mécénat »", () => {
    expect(needIds("Notre association d'Alès voudrait conclure un partenariat avec le Département.")).not.toContain("mecenat");
    expect(needIds("Notre association d'Alès cherche du mecennat pour son festival.")).toContain("mecenat");
  });

  it("the same word in another sense is no need: « une commune » is not « un commun », « si ça marche » no tender", () => {
    expect(needIds("Le maire d'une petite commune demande comment sa collectivité peut s'associer au schéma.")).not.toContain("cooperation");
    expect(needIds("Je voudrais démarrer sans créer ma boîte, le temps de voir si ça marche.")).not.toContain("marches-publics");
    // « coopérer » and « coopérative » share a stem, « shares » of a SCIC are no sharing between structures.
    expect(needIds("Avec deux amis on veut monter une coopérative de livraison à vélo.")).not.toContain("cooperation");
    expect(needIds("We are a SCIC in Alès. Could the Département buy shares in our cooperative?")).not.toContain("cooperation");
    expect(needIds("Trois associations veulent coopérer avec la mairie pour un jardin partagé.")).toContain("cooperation");
    // « un groupe de bénévoles » is no « groupement » of structures; an energy audit is no organisational diagnosis.
    expect(needIds("Nous sommes un groupe de bénévoles à Vauvert et cherchons un local.")).not.toContain("cooperation");
    expect(needIds("Deux associations en groupement veulent ouvrir une recyclerie à Vauvert.")).toContain("cooperation");
    expect(needIds("Notre association voudrait faire le diagnostic énergétique de sa salle des fêtes.")).not.toContain("consolidation");
    expect(needIds("Notre association de 8 salariés voudrait un diagnostic de son organisation.")).toContain("consolidation");
  });

  it("a structure that offers to do a job the Département needs is a supplier-to-be; a QPV asked about is a QPV need", () => {
    expect(needIds("Une SCOP de Nîmes propose au Département de réaliser l'inventaire des arbres de ses routes contre une subvention.")).toContain(
      "marches-publics",
    );
    expect(needIds("Notre association de Beaucaire voudrait savoir si son quartier est prioritaire.")).toContain("quartier-prioritaire");
    // A structure that sells services is no supplier of the Département for that alone.
    expect(needIds("Notre SCOP de prestations de service informatique veut revoir sa gouvernance.")).not.toContain("marches-publics");
    // The name of an incubator is no English « real »; shared governance is an incubation word in English too.
    expect(needIds("Our charity's real problem is its board, with 4 staff.")).not.toContain("incubation");
    expect(needIds("Three friends want a bike delivery cooperative with shared governance.")).toContain("incubation");
    expect(needIds("Trois associations d'Alès montent une conciergerie, chacun apporterait un salarié.")).toContain("cooperation");
    expect(needIds("Des associations d'Alès veulent créer des outils réutilisables par d'autres villages.")).toContain("cooperation");
    expect(needIds("Notre fédération cherche un accompagnement collectif sur la fonction employeur pour ses associations.")).toContain("consolidation");
    expect(needIds("Le club de volley de Bagnols veut remettre à plat son fonctionnement et diversifier ses ressources.")).toContain("consolidation");
    expect(needIds("Des ESAT du Gard veulent savoir si le Département réservera des lots aux structures d'insertion.")).toContain("marches-publics");
    expect(
      read("Notre agence immobilière n'a aucun but social, on veut des aides ESS.").needs.find((n) => n.need.id === "hors-champ")?.expressions,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe("facts", () => {
  it("counts structures listed one by one, in French and in English with hyphens", () => {
    expect(
      read("On est une SCOP de menuiserie, une association de réemploi et une régie de quartier, on veut mutualiser un atelier.").facts.partnerStructures,
    ).toBe(3);
    // « mon asso » is one of them, and so are a media library, a tourist office or a youth centre.
    expect(read("La médiathèque associative, l'office de tourisme et une MJC de Sumène veulent créer ensemble un festival.").facts.partnerStructures).toBe(3);
    expect(read("Mon asso, avec la crèche du village et une SCIC, veut ouvrir une garderie.").facts.partnerStructures).toBe(3);
    // A crèche, a club or a foundation is a structure too.
    expect(
      read("Notre centre social, avec une crèche associative et une SCIC d'aide à domicile, veut créer une garde itinérante.").facts.partnerStructures,
    ).toBe(3);
    expect(read("We are a small association. Together with a local SCIC and a mutual health insurer we want a shared minibus.").facts.partnerStructures).toBe(
      3,
    );
    expect(countListedStructures(foldText("Three non-profits in Le Vigan want to pool a van"))).toBe(3);
    expect(countListedStructures(foldText("Une association veut un local"))).toBeUndefined();
  });

  it("a repair café, a garage or a shared garden listed with others is a structure too", () => {
    expect(
      read("On est un repair café, une ressourcerie et une épicerie solidaire, on veut ensemble un outil de suivi des dons.").facts.partnerStructures,
    ).toBe(3);
    expect(read("Un garage solidaire et un jardin partagé veulent mutualiser un local à Bessèges.").facts.partnerStructures).toBe(2);
  });

  it("a food bank counts as a listed structure; « l'aide sociale à l'enfance » is no business aid", () => {
    expect(read("Notre SCOP, avec la banque alimentaire et l'association des parents d'élèves, veut créer une cuisine partagée.").facts.partnerStructures).toBe(
      3,
    );
    expect(needIds("Notre SAS accueille des jeunes de l'aide sociale à l'enfance et souhaite l'agrément ESUS.")).not.toContain("aide-entreprise");
    expect(needIds("Notre SAS de menuiserie voudrait une aide pour acheter une machine.")).toContain("aide-entreprise");
  });

  it("a structure that wants a multi-year partnership with the Département names the network need", () => {
    expect(needIds("Une coopérative d'activité souhaite signer un partenariat pluriannuel avec le Département comme acteur ressource.")).toContain("reseau");
  });

  it("in English: a company of the writer's is commercial, its staff are employees", () => {
    expect(read("My little printing company in Alès has 3 staff and wants a grant for a new press.").facts).toMatchObject({
      legalForm: "societe-commerciale",
      employees: 3,
    });
    expect(read("I run a commercial bakery business in Uzès and need a new oven.").facts.legalForm).toBe("societe-commerciale");
    expect(needIds("I run a commercial bakery business in Uzès and need new equipment.")).toContain("financement");
  });

  it("reads ESS statutes, a refused bank loan and a commercial company; « sa collectivité » is no SA", () => {
    expect(read("Notre SARL a modifié ses statuts pour respecter la loi ESS et veut l'agrément.").facts).toMatchObject({
      legalForm: "societe-commerciale",
      essStatutes: true,
    });
    expect(read("Une SAS classique d'Alès, sans statuts ESS, veut une aide pour ses machines.").facts).toMatchObject({
      legalForm: "societe-commerciale",
      essStatutes: false,
    });
    expect(read("yo on lance un atelier vélo a Alès, la banque veut rien savoir").facts.bankAccess).toBe(false);
    expect(read("Une habitante de Nîmes, sans accès au crédit bancaire, veut créer son activité.").facts.bankAccess).toBe(false);
    expect(read("We have no access to bank loans and want to start a food truck in Alès.").facts.bankAccess).toBe(false);
    expect(read("Notre asso à Alès a un accès au crédit bancaire correct.").facts.bankAccess).toBeUndefined();
    // a refusal said with the person it was refused to, or as a refused loan
    expect(read("Je lance ma petite boutique de retouches, les banques m'ont refusé un prêt.").facts.bankAccess).toBe(false);
    expect(read("on ouvre un food truck, la banque nous a refusé le crédit").facts.bankAccess).toBe(false);
    expect(read("Mon prêt bancaire a été refusé, je veux quand même créer mon atelier.").facts.bankAccess).toBe(false);
    expect(read("I want to open a bakery but the bank turned down my loan.").facts.bankAccess).toBe(false);
    expect(read("The bank refused me a loan for my repair shop.").facts.bankAccess).toBe(false);
    expect(read("La banque nous a accordé un prêt, il nous manque des fonds propres.").facts.bankAccess).toBeUndefined();
    expect(read("Une société hôtelière commerciale sollicite une subvention d'investissement.").facts.legalForm).toBe("societe-commerciale");
    expect(read("Le maire me demande comment sa collectivité peut s'associer à la démarche du schéma ESS.").facts.legalForm).toBeUndefined();
  });

  it("the subject that opens an agent's description is the carrier", () => {
    expect(read("Une coopérative d'activité et d'emploi du Gard (6 salariés) veut consolider son équipe.").facts.legalForm).toBe("cae");
    expect(read("A cooperative print shop in Uzès asks how the responsible purchasing scheme works.").facts.legalForm).toBe("cooperative");
  });
});

describe("territory and stage", () => {
  it("resolves the commune to its EPCI and the QPV status of the commune, as an inference", () => {
    const t = read("Une association d'Alès veut ouvrir une épicerie solidaire.").territory!;
    expect(t).toMatchObject({ commune: "Alès", inGard: true, qpv: "yes", qpvNamed: false, probablyRural: false });
    expect(t.epci).toMatch(/Alès Agglomération/);
  });

  it("a named quartier prioritaire is a QPV need; a small commune is probably rural", () => {
    const f = read("Notre association du quartier Pissevin à Nîmes veut lancer de l'aide aux devoirs.");
    expect(f.territory?.qpvNamed).toBe(true);
    expect(f.facts.inQpv).toBe(true);
    expect(f.needs.map((n) => n.need.id)).toContain("quartier-prioritaire");
    expect(read("Trois associations de Molières-sur-Cèze veulent ouvrir une garderie.").territory).toMatchObject({
      commune: "Molières-sur-Cèze",
      probablyRural: true,
    });
  });

  it("a landmark (« près du Pont du Gard ») is not a commune outside the Gard", () => {
    expect(read("Une société hôtelière installée près du Pont du Gard sollicite une subvention.").facts.commune).toBeUndefined();
  });

  it("a seat outside the Gard is not where the project is when the message places it in the Gard", () => {
    expect(read("Notre union régionale, siège à Marseille, veut créer un pôle dans le Gard pour les associations gardoises.").facts.commune).toBeUndefined();
    expect(read("Notre union régionale de Marseille veut créer un pôle en Provence.").facts.commune).toBe("Marseille");
    expect(read("A network based in Lyon wants to open an office in the Gard for local charities.").facts.commune).toBeUndefined();
  });

  it("reads English forms: no company yet, no bank that will lend, a courtesy title for a person", () => {
    expect(read("Two founders in Alès with a repair café idea, we have no company yet.").facts.legalForm).toBe("aucune");
    const f = read("Mrs T. in Beaucaire, no bank will lend to her, wants to start a home bakery business.");
    expect(f.facts.bankAccess).toBe(false);
    expect(f.actor).toBe("personne");
    expect(f.needs.map((n) => n.need.id)).toContain("creation-individuelle");
  });

  it("reads the stage", () => {
    expect(read("Notre association en difficulté veut se consolider et se réorganiser.").stage).toBe("consolidation");
    expect(read("Trois porteurs envisagent une SCIC, au stade de la réflexion.").stage).toBe("idee");
    // A takeover, and a project before its creation, are at the creation stage.
    expect(read("Je reprends le garage de Saint-Jean-du-Gard à la retraite du patron.").stage).toBe("creation");
    expect(read("Notre coopérative de livraison est en pré-création à Nîmes.").stage).toBe("creation");
    // Taking up again what the structure has is no takeover.
    expect(read("Notre association d'Alès veut reprendre le projet associatif avec ses bénévoles.").stage).not.toBe("creation");
  });
});

describe("project or question", () => {
  const isProject = (text: string, loose = false) => describesProject(text, read(text), { loose });

  it("a message whose question asks a date or what a thing named is is no project, whatever the writer says of themselves", () => {
    expect(isProject("Trésorière d'une asso de quartier à Alès, j'ai suivi la réunion d'information. Le prêt d'honneur existe depuis quand ?")).toBe(false);
    expect(isProject("Notre association de Bagnols veut coopérer avec deux autres : Gard centrale a ouvert quand exactement ?")).toBe(false);
    expect(isProject("We run a small cooperative near Alès and need funding. What is this DLA the Département mentions?")).toBe(false);
    // (a date asked with how to take part is a project's question)
    expect(
      isProject("Nous sommes une association d'aide à domicile à Alès et cherchons des mécènes. Quand a lieu le prochain salon et comment s'y inscrire ?"),
    ).toBe(true);
    // (« quand » as a conjunction asks no date)
    expect(
      isProject("Une épicerie solidaire en SCIC à Saint-Ambroix cherche des fonds propres : le Département peut-il intervenir quand on est une SCIC ?"),
    ).toBe(true);
  });

  it("project descriptions, agent and holder style, colloquial and English", () => {
    expect(isProject("Quelle action du schéma peut financer un tiers-lieu porté par trois associations à Alès ?")).toBe(true);
    expect(isProject("Une épicerie solidaire en SCIC à Saint-Ambroix cherche des fonds propres, le Département peut-il intervenir ?")).toBe(true);
    expect(isProject("comment on repond a un appel d'offre du departement ?? on est une asso traiteur solidaire a nimes 5 salariés")).toBe(true);
    expect(isProject("Hi, I run a young SCIC in Le Vigan doing citizen renewable energy. We need a guarantee on a bank loan. Who can help us?")).toBe(true);
    // Feminine and less common carriers and verbs: « une habitante », « un acheteur », « on monte », « recherche ».
    expect(
      isProject(
        "Une habitante du quartier Pissevin, sans accès au crédit bancaire, souhaite créer une activité de traiteur. Vers quel dispositif l'orienter ?",
      ),
    ).toBe(true);
    expect(
      isProject(
        "on monte une SCIC pour l'internet en zone blanche dans les Cévennes, avec les mairies au capital. le Département pourrait prendre des parts ?",
      ),
    ).toBe(true);
    expect(
      isProject("Une association nîmoise d'inclusion numérique recherche du mécénat de compétences. Existe-t-il un dispositif de mise en relation ?"),
    ).toBe(true);
    // English intents in -ing and « what can the Department do for us? »
    expect(isProject("Four neighbours in Sommières are planning a cooperative laundry for the old town. What can the Department do for us?")).toBe(true);
    expect(isProject("We are launching a solidarity bike workshop in Vauvert with two other associations, what support is available?")).toBe(true);
  });

  it("questions about the schema, a rule or a person are not projects", () => {
    expect(isProject("Qu'est-ce que l'appel à communs ?")).toBe(false);
    expect(isProject("Qui a rédigé le guide en six étapes pour aider les structures de l'ESS à répondre aux marchés du Département ?")).toBe(false);
    expect(isProject("Pourquoi le Département du Gard n'a-t-il plus le droit d'aider directement une entreprise commerciale ?")).toBe(false);
    expect(isProject("Si la DDETS ne répond pas à notre demande d'agrément ESUS, que se passe-t-il ?")).toBe(false);
    // A question about words, even naming two structures.
    expect(isProject("C'est quoi la différence entre une SCOP et une CAE ?")).toBe(false);
    expect(isProject("What is the difference between a SCIC and a SCOP?")).toBe(false);
    // A kind of structure and what it may do, with facts that are only the rule's conditions.
    expect(isProject("une association peut demander le DLA si elle a 0 salarié à Nîmes ?")).toBe(false);
  });

  it("someone with a stated need who asks whom to turn to describes a project to orient", () => {
    expect(
      isProject("Des investisseurs solidaires entreraient au capital de notre petite société si on obtenait l'agrément de l'État : à qui s'adresser ?"),
    ).toBe(true);
    expect(isProject("Our group of ESS employers would like to join the local network, who should we talk to?")).toBe(true);
    expect(isProject("Je suis agente au Département et je voudrais me former à l'ESS : qui peut m'aider en interne ?")).toBe(true);
    // A partnership offered to the Département, a research team, a supplier-to-be.
    expect(isProject("Un laboratoire de l'université de Nîmes propose au Département un partenariat pour évaluer les communs : quel interlocuteur ?")).toBe(
      true,
    );
    expect(isProject("notre esat voudrait devenir fournisseur du departement, on s y prend comment pr les marches publics ?")).toBe(true);
    // Without anyone's need, asking whom to contact stays a question.
    expect(isProject("À qui s'adresser pour avoir des informations sur le Mois de l'ESS en général ?")).toBe(false);
  });

  it("asking who does what the project needs, or where to start, is an intention too", () => {
    // « qui finance… ? », « qui le délivre ? », « par où commencer ? » stand for « we want… » when someone or a fact is stated.
    expect(isProject("Création d'une entreprise d'insertion de nettoyage à Bagnols-sur-Cèze pour des allocataires du RSA : qui finance les postes ?")).toBe(
      true,
    );
    expect(isProject("Notre licence d'agrément ESUS arrive à échéance, qui la délivre dans le Gard ?")).toBe(true);
    expect(isProject("Projet de tiers-lieu à Sauve, on ne sait pas par où commencer.")).toBe(true);
    expect(isProject("Notre SCOP d'Uzès est agréée ESUS depuis 2020 : qui s'occupe du renouvellement ?")).toBe(true);
    // « rencontrer », « trouver » say what is wanted too, when the writer speaks of their own structure.
    expect(isProject("Comment notre chorale de Quissac peut-elle trouver des mécènes ?")).toBe(true);
    expect(isProject("Comment trouver des mécènes ?")).toBe(false);
    expect(isProject("Our association's ESUS approval ends next year in Alès. Who handles the renewal?")).toBe(true);
    // Asked by nobody in particular, about nothing stated, it stays a question.
    expect(isProject("Qui finance les chantiers d'insertion dans le Gard ?")).toBe(false);
  });

  it("a need named for the writer's own structure in one terse sentence is a project; a file's status in several is not", () => {
    expect(isProject("Prêt bancaire et garantie pour le camion de notre ressourcerie à Beaucaire ?")).toBe(true);
    // The same words without a stated fact stay a question.
    expect(isProject("Prêt bancaire et garantie pour le camion de notre ressourcerie ?")).toBe(false);
    expect(isProject("Bonjour, notre dossier de commun à Sauve est parti sur Gard centrale en mars. A-t-il été retenu ? Merci de vérifier.")).toBe(false);
  });

  it("a courtesy title names a person who may carry a project", () => {
    expect(mightDescribeProject("Rendez-vous avec Mme B., au chômage, qui a besoin de 3 000 € pour un stock de départ.")).toBe(true);
  });

  it("a structure named with what it wants, or a writer in difficulty asking how to cope, describes a project", () => {
    expect(
      isProject("Agent : une CAE nîmoise souhaite signer une convention pluriannuelle avec le Département pour accompagner les créateurs en zone rurale."),
    ).toBe(true);
    expect(isProject("nous sommes une régie de quartier à Beaucaire, nos subventions baissent cette année, on fait comment pour boucler ?")).toBe(true);
    expect(
      isProject(
        "Acheteur au Département : je souhaite insérer des clauses sociales dans un marché de nettoyage et trouver des structures d'insertion pour y répondre.",
      ),
    ).toBe(true);
    // A follow-up about a kind of structure (« une asso qui démarre et veut… ») stays a question.
    expect(isProject("et pour une asso qui démarre et veut tester son projet, y a une subvention ?")).toBe(false);
  });

  it("an agent's note on a structure that asks « quelle mesure ? » describes a project", () => {
    expect(isProject("SCIC de maraîchage bio à Vergèze : un investisseur solidaire entrerait au capital si elle obtenait l'agrément. Quel dispositif ?")).toBe(
      true,
    );
    expect(isProject("Quelle mesure du schéma concerne la commande publique ?")).toBe(false);
  });

  it("reads an association in difficulty and a creator's shop in plain words", () => {
    expect(needIds("Asso de portage de repas, déficitaire deux années de suite, fort turnover, CA sans président.")).toContain("consolidation");
    expect(needIds("Madame L., 48 ans, souhaite ouvrir une boutique de réparation de vélos à Vauvert.")).toContain("creation-individuelle");
    expect(read("Madame L., 48 ans, souhaite ouvrir une boutique de réparation de vélos à Vauvert.").actor).toBe("personne");
    expect(needIds("Our bakery cooperative would like to supply the canteens of the middle schools.")).toContain("marches-publics");
  });

  it("the loose reading accepts one need without any stated fact, not a bare question", () => {
    const text = "Une fédération de centres sociaux souhaite conventionner avec le Département pour animer des actions ESS sur tout le territoire.";
    expect(isProject(text)).toBe(false);
    expect(isProject(text, true)).toBe(true);
    expect(isProject("Quel est le budget de l'appel à communs pour 2027 ?", true)).toBe(false);
  });
});

describe("needs the writer rules out", () => {
  const needIds = (text: string) => read(text).needs.map((n) => n.need.id);
  it("a loan they say they do not need is not a need; what they ask for still is", () => {
    const text = "Notre SCOP de Sommières n'a pas besoin de prêt bancaire : nous voudrions répondre aux marchés publics du Département.";
    expect(needIds(text)).not.toContain("pret-garantie");
    expect(needIds(text)).toContain("marches-publics");
    // The same loan, asked for, is one.
    expect(needIds("Notre SCOP de Sommières cherche un prêt bancaire pour un camion.")).toContain("pret-garantie");
  });
  it("what the writer has already done is no need: « j'ai déjà testé mon activité »", () => {
    const text = "Je suis céramiste, j'ai déjà testé mon activité en couveuse pendant un an, maintenant je veux ouvrir ma propre boîte à Uzès.";
    expect(needIds(text)).not.toContain("tester-activite");
    expect(needIds(text)).toContain("creation-individuelle");
  });
  it("an idea the writer dropped (« on avait pensé… ») or a capital already raised is no need", () => {
    const text = "Notre SCIC de Lasalle avait pensé faire entrer le Département au capital ; le capital est déjà bouclé, il nous faut un prêt.";
    expect(needIds(text)).not.toContain("capital-scic");
    expect(needIds(text)).not.toContain("fonds-propres-scic");
    expect(needIds(text)).toContain("pret-garantie");
    expect(needIds("Notre SCIC de Lasalle voudrait faire entrer le Département au capital.")).toContain("capital-scic");
    expect(needIds("Notre SCIC de Lasalle pensait demander au Département d'entrer au capital, il lui faut surtout un prêt.")).not.toContain("capital-scic");
  });
  it("in English too", () => {
    expect(needIds("We don't need a bank loan, we want to bid for public contracts of the Département.")).not.toContain("pret-garantie");
  });
});

describe("project readings added for agents' and holders' wordings", () => {
  const isProject = (text: string) => describesProject(text, read(text));

  it("an agent's description that opens on the carrier and says what it wants, with words or a clause in between", () => {
    expect(
      isProject(
        "Une ressourcerie associative du piémont cévenol veut répondre aux marchés publics d'entretien des espaces verts. Quelle démarche lui conseiller ?",
      ),
    ).toBe(true);
    expect(
      isProject(
        "Un réseau d'artisans qui répare du mobilier ancien souhaite partager ses méthodes de façon libre et réutilisable. Qui au Département pourrait appuyer cela ?",
      ),
    ).toBe(true);
    // A stated stage makes a weakly stated need the project's own.
    expect(
      isProject(
        "Un groupe de trois jeunes alésiens porte un projet de conserverie coopérative, encore au stade de l'idée ; quel accompagnement leur proposer ?",
      ),
    ).toBe(true);
    // A question about a rule for a kind of structure is still a question ("demande" is a noun there).
    expect(isProject("Une entreprise adaptée doit-elle faire une demande d'agrément ESUS ou l'obtient-elle d'office ?")).toBe(false);
  });

  it("which support fits the creation of one thing in a named commune is a project to orient", () => {
    expect(isProject("Quel dispositif peut accompagner la création d'une entreprise d'insertion en blanchisserie à Bagnols-sur-Cèze ?")).toBe(true);
    expect(isProject("Quel dispositif accompagne les entreprises d'insertion ?")).toBe(false);
  });

  it("a commune outside the Gard where an event was held is not where the project is", () => {
    const f = read("Notre collectif prépare des rencontres sur les tiers-lieux, après le colloque national de Lyon. Qui faut-il contacter au Département ?");
    expect(f.facts.commune).toBeUndefined();
    expect(read("Notre association est basée à Lyon et veut ouvrir une antenne.").facts.commune).toBeDefined();
  });

  it("not wanting to create a company, nor to do the paperwork, points to the CAE; so does an employee-entrepreneur", () => {
    expect(needIds("Mon fils veut se lancer comme illustrateur mais sans créer de société ni gérer la gestion administrative et comptable.")).toContain(
      "tester-activite",
    );
    expect(needIds("I'm a graphic designer and I'd rather not set up my own company: could I work as an employee-entrepreneur?")).toContain("tester-activite");
  });

  it("English wordings of consolidation, the Département asked to speak at an event, and export for a company", () => {
    expect(needIds("Our theatre association lost a grant and must diversify its income.")).toContain("consolidation");
    expect(needIds("Nous organisons une table ronde et aimerions que le Département vienne témoigner.")).toContain("promotion");
    expect(needIds("Notre SARL de cosmétiques à Alès voudrait une aide pour exporter au Japon.")).toContain("aide-entreprise");
  });

  it("English ESS statutes of a company are read", () => {
    expect(read("Our SAS in Alès has statutes that follow the ESS law of 2014.").facts.essStatutes).toBe(true);
  });

  it("a need the facts show weighs more when a question of the message asks for it", () => {
    const base = "Un habitant du quartier prioritaire de Pissevin à Nîmes veut ouvrir un atelier de couture ; il n'a pas accès au crédit.";
    const plain = read(base).needs.find((n) => n.need.id === "quartier-prioritaire");
    const asked = read(`${base} Y a-t-il une aide propre aux quartiers prioritaires ?`).needs.find((n) => n.need.id === "quartier-prioritaire");
    expect(plain).toBeDefined();
    expect(asked?.asked ?? 0).toBeGreaterThan(plain?.asked ?? 0);
  });
});

describe("a cooperative form is not cooperating with others", () => {
  it("« une coopérative avec ses salariés et ses usagers » states a form, « coopérer avec d'autres structures » a cooperation", () => {
    expect(needIds("On lance une coopérative avec nos salariés et nos usagers pour fabriquer des meubles à Alès.")).not.toContain("cooperation");
    expect(needIds("Notre association veut coopérer avec d'autres structures du quartier.")).toContain("cooperation");
  });
});

describe("members of a network are not partners of a joint project", () => {
  it("a federation that counts its own member associations states no partnership", () => {
    expect(
      read("Un réseau départemental de crèches parentales nous écrit : ses quinze associations adhérentes manquent de bénévoles.").facts.partnerStructures,
    ).toBeUndefined();
    expect(read("Nous sommes quatre associations d'Alès et voulons mutualiser un local.").facts.partnerStructures).toBe(4);
  });
});

describe("public tenders named by their publication", () => {
  it("asking when the Département publishes its tenders is a need for public procurement", () => {
    expect(needIds("Notre SCOP de menuiserie voudrait savoir où le Département publie ses marchés de mobilier scolaire.")).toContain("marches-publics");
  });
});

describe("a company outside the ESS asking to skip competition", () => {
  it("« (pas ESS) » states no ESS statutes, and a contract awarded without competition is a request outside the ESS", async () => {
    const { isOutOfScope } = await import("../../src/fit/project-fit.js");
    const f = read("Notre SAS de déménagement (pas ESS) à Alès aimerait que le Département nous confie ses déménagements sans mise en concurrence.");
    expect(f.facts.essStatutes).toBe(false);
    expect(isOutOfScope(f)).toBe(true);
    // The same company asking how to answer a tender is not refused.
    expect(isOutOfScope(read("Notre SAS de déménagement (pas ESS) à Alès voudrait répondre aux appels d'offres du Département."))).toBe(false);
  });
});

describe("counts that are no partners, quartiers named like communes, wordings of a few needs", () => {
  it("the network the writer runs, or companies they are only in touch with, are no partners of the project", () => {
    expect(
      read("Notre asso d'Anduze anime un réseau informel d'une vingtaine d'associations et veut rencontrer le Département.").facts.partnerStructures,
    ).toBeUndefined();
    expect(
      read("Notre régie de quartier de Nîmes a des contacts avec deux entreprises du bâtiment et veut créer une ETTI.").facts.partnerStructures,
    ).toBeUndefined();
    // Building with two other structures is a partnership.
    expect(read("Notre régie de quartier de Nîmes s'associe avec deux associations pour créer une ETTI.").facts.partnerStructures).toBe(3);
  });

  it("a quartier prioritaire whose name holds a commune's (« Prés Saint-Jean ») places the project in its own commune, in a QPV", () => {
    const f = read("Un centre social des Prés Saint-Jean, à Alès, veut ouvrir une épicerie solidaire avec des habitants.").facts;
    expect(f.commune).toBe("Alès");
    expect(f.inQpv).toBe(true);
  });

  it("not wanting to create a company before the activity pays is the test of an activity, not a need ruled out", () => {
    const text =
      "Une ancienne comptable de Nîmes veut devenir formatrice ; elle ne veut pas créer de société tant qu'elle n'a pas vérifié que l'activité peut la faire vivre.";
    expect(needIds(text)).toContain("tester-activite");
    expect(needIds("Notre SCOP ne veut pas de prêt bancaire : elle cherche des fonds propres.")).not.toContain("pret-garantie");
  });

  it("a temporary-work insertion company and people far from employment are insertion; a company's « soutien financier » is business aid", () => {
    expect(needIds("Notre ressourcerie veut créer une entreprise de travail temporaire d'insertion pour des personnes éloignées de l'emploi.")).toContain(
      "insertion",
    );
    expect(needIds("Notre SARL de Bagnols-sur-Cèze souhaite un soutien financier pour un projet d'innovation.")).toContain("aide-entreprise");
  });

  it("selling services to the Département and tenders written « AO » are public procurement", () => {
    expect(needIds("asso, on veut vendre nos prestations au dept mais on trouve pas les AO")).toContain("marches-publics");
  });

  it("wanting to be a relay of the schema on one's territory, and asking « on s'adresse à qui ? », is the ESS team's network", () => {
    const needs = needIds("Notre association voudrait être reconnue comme relais du schéma ESS dans les Cévennes. On s'adresse à qui ?");
    expect(needs).toContain("reseau");
    expect(needs).toContain("contact");
  });
});

describe("a telegraphic message that opens on what the writer wants to do with their activity", () => {
  const isProject = (text: string) => mightDescribeProject(text) && describesProject(text, read(text));
  it("« tester activité X sans créer de boîte » names no carrier but describes the writer's project", () => {
    expect(isProject("tester activite couture sans creer de boite a ales, c possible ?")).toBe(true);
    expect(isProject("lancer mon activité de traiteur à Nîmes sans créer de société, c'est possible ?")).toBe(true);
    // A question about the CAE asked by nobody in particular stays a question.
    expect(isProject("Comment tester une activité sans créer de société dans le Gard ?")).toBe(false);
  });
});

describe("a structure becoming a SCIC, and a Région scheme named", () => {
  it("« transformation d'une association (25 salariés) en SCIC » makes the project a SCIC, « devient une SCIC » too", () => {
    expect(read("Projet de transformation d'une association d'Alès (25 salariés) en SCIC ; le Département peut-il prendre des parts ?").facts.legalForm).toBe(
      "scic",
    );
    expect(read("Notre association de Vauvert devient une SCIC et voudrait que le Département entre au capital.").facts.legalForm).toBe("scic");
    // Only naming a SCIC among partners is no change of form.
    expect(read("Notre association de Vauvert travaille avec une SCIC voisine et veut mutualiser un local.").facts.legalForm).toBe("association");
  });

  it("naming the Pass Occitanie asks for the Région's aid, whatever the legal form", () => {
    expect(needIds("pass occitanie c pour qui ? mon entreprise de plomberie a 2 salariés à Nîmes veut acheter un utilitaire")).toContain("region-nommee");
  });
});

describe("new ways to state a need or a fact", () => {
  const isProject = (text: string) => describesProject(text, read(text));

  it("a structure that says who it is and asks the Département, in a question, for a need named there describes a project", () => {
    expect(
      isProject("Bonjour, nous sommes une SCIC de covoiturage rural dans les Cévennes. Le Département pourrait-il souscrire au capital de la coopérative ?"),
    ).toBe(true);
  });

  it("a structure asking a rule in its question (« faut-il… ? ») describes no project by that question alone", () => {
    expect(isProject("Faut-il obligatoirement un numéro de TVA pour toucher une subvention ? Nous sommes une petite association loi 1901.")).toBe(false);
  });

  it("a buyer's side of public procurement and a funder looking for associations are needs", () => {
    expect(needIds("Le service des achats prépare un marché de nettoyage et voudrait que des structures de l'ESS puissent candidater.")).toContain(
      "marches-publics",
    );
    const funder = read("Fondation d'entreprise lyonnaise, nous souhaitons rencontrer des associations gardoises à soutenir. Comment faire ?");
    expect(funder.needs.find((n) => n.need.id === "mecenat")!.expressions).toBeGreaterThanOrEqual(2);
  });

  it("« the bank turned him down » is no access to credit; « a resident » is a person", () => {
    const f = read("A resident of Bagnols-sur-Cèze wants to start a small upholstery business, but the bank turned him down.");
    expect(f.facts.bankAccess).toBe(false);
    expect(f.actor).toBe("personne");
    expect(f.needs.map((n) => n.need.id)).toContain("creation-individuelle");
  });

  it("« il nous faut » introduces what is asked", () => {
    const f = read("Notre association d'Alès s'agrandit. Il nous faut un prêt pour acheter un camion.");
    expect(f.needs.find((n) => n.need.id === "pret-garantie")!.strength).toBeGreaterThan(0.6);
  });
});

describe("place words", () => {
  it("« the … neighbourhood » names a place, not a priority neighbourhood; « priority neighbourhood » does", () => {
    expect(
      needIds("Our association in the Gambetta neighbourhood of Nîmes needs a loan.").filter((id) => id === "quartier-prioritaire").length,
    ).toBeLessThanOrEqual(1);
    expect(read("Our association in the old neighbourhood of Sommières needs a loan.").needs.some((n) => n.need.id === "quartier-prioritaire")).toBe(false);
    expect(needIds("Our association works in a priority neighbourhood of Alès and needs a loan.")).toContain("quartier-prioritaire");
  });
});

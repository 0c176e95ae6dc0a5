import { describe, expect, it } from "vitest";
import { dropDateLead } from "../../src/answer/card-reply.js";
import { FRENCH_SOURCES_NOTE } from "../../src/answer/card-reply.js";
import { figuresOf, premiseVerdict, withPremiseLead } from "../../src/answer/premise.js";
import { sharedRuntime } from "./helpers.js";

describe("figures a text writes", () => {
  it("reads counts, sums, percentages, durations and dates with what they measure", () => {
    const f = figuresOf("Au moins deux salariés, jusqu'à 12 000 €, 30 % du capital, pendant 3 ans, le 14 mai 2025.");
    expect(f).toEqual([
      { value: 2, kind: "n:salari", bound: "more" },
      { value: 12000, kind: "eur", bound: "less" },
      { value: 30, kind: "%", bound: undefined },
      { value: 3, kind: "duree:an", bound: undefined },
      { value: 2025, kind: "year", month: 5, day: 14 },
    ]);
  });
});

describe("a yes/no question checking a figure gets « Oui » or « Non » first", () => {
  it("says « Non » when the answer's first sentence gives another figure of the same kind", () => {
    expect(withPremiseLead("Pour le DLA il faut au moins 4 salariés, non ?", "Au moins un salarié : le DLA s'adresse aux employeurs. [1]", false)).toBe(
      "Non : au moins un salarié : le DLA s'adresse aux employeurs. [1]",
    );
    expect(withPremiseLead("La garantie couvre 80 % du prêt, c'est bien ça ?", "Jusqu'à 50 % du prêt bancaire. [1]", false)).toMatch(/^Non : jusqu'à 50 %/);
    expect(withPremiseLead("Le réseau a été lancé en 2019 ?", "En 2022, lors d'une rencontre à Alès. [1]", false)).toMatch(/^Non : en 2022/);
    expect(withPremiseLead("Was the network launched in 2019?", "In 2022, at a meeting in Alès. [1]", true)).toBe("No: in 2022, at a meeting in Alès. [1]");
    // a different month of the same year is another date
    expect(withPremiseLead("La rencontre a eu lieu en juin 2025 ?", "Le 3 octobre 2025, à Nîmes. [1]", false)).toMatch(/^Non : le 3 octobre 2025/);
  });

  it("says « Oui » when the first sentence gives that figure and every other word of the claim", () => {
    expect(withPremiseLead("Il faut bien deux structures ?", "Au moins deux structures portent le projet. [1]", false)).toBe(
      "Oui : au moins deux structures portent le projet. [1]",
    );
    expect(withPremiseLead("et à quatre, ça passe ?", "Quatre partenaires au minimum. [1]", false)).toBe("Oui : quatre partenaires au minimum. [1]");
  });

  it("adds nothing when the figure matches but the rest of the claim is not said", () => {
    const keep = (q: string, a: string) => expect(withPremiseLead(q, a, false)).toBe(a);
    keep("C'est 8 000 € par personne, c'est ça ?", "8 000 € par an pour tout le programme. [1]");
    keep("Le plan a été voté en 2021 avec le budget, c'est ça ?", "Le 3 mai 2021. Le schéma de l'autonomie a été voté ce jour-là. [1]");
    keep("Le salon 2026 aura lieu à Montpellier ?", "Le salon 2026 aura lieu à Alès. [1]");
    // an elliptic question about a year is no claim to confirm
    keep("et en 2019 ?", "En 2019, le réseau comptait 40 membres. [1]");
    // the same sum with the other bound
    keep("Le prêt peut aller au-delà de 15 000 € ?", "Le prêt va jusqu'à 15 000 €. [1]");
  });

  it("keeps a name's capital after « Non : »", () => {
    expect(withPremiseLead("Le réseau compte 40 membres, non ?", "Acegaa compte 25 membres. [1]", false)).toBe("Non : Acegaa compte 25 membres. [1]");
    expect(withPremiseLead("L'agrément dure 2 ans ?", "L'agrément dure 5 ans. [1]", false)).toBe("Non : l'agrément dure 5 ans. [1]");
  });

  it("puts the French word in the French answer given to an English question", () => {
    const text = `${FRENCH_SOURCES_NOTE}\n\nJusqu'à 50 % du capital. [1]`;
    expect(withPremiseLead("Can local authorities hold 20% of the capital?", text, true)).toBe(`${FRENCH_SOURCES_NOTE}\n\nNon : jusqu'à 50 % du capital. [1]`);
  });

  it("leaves the answer alone when the figure does not settle it", () => {
    const keep = (q: string, a: string) => expect(withPremiseLead(q, a, false)).toBe(a);
    // open questions, « pourquoi », and answers that already say oui / non
    keep("Combien de structures faut-il, 3 ?", "Au moins trois structures. [1]");
    keep("Pourquoi faut-il 3 structures ?", "Au moins trois structures, pour coopérer. [1]");
    keep("ki a porté la délégation en 2017 ?", "En 2015, une élue. [1]");
    keep("Qu'est-ce qui a changé en 2019 ?", "En 2015, une élue. [1]");
    keep("Pouvez-vous me rappeler les 5 axes ?", "Quatre axes et un axe transversal. [1]");
    keep("Il faut 5 structures ?", "Non, trois suffisent. [1]");
    // no figure of the same kind in the first sentence, or two figures asked
    keep("Il faut 5 structures ?", "Le projet est porté en coopération. Il réunit au moins trois structures. [1]");
    keep("Il faut 5 structures et 2 salariés ?", "Au moins trois structures. [1]");
    // a number that counts nothing asked (« l'axe 3 ») is no claim
    keep("et l'axe 3 ?", "Le schéma compte 4 axes. [1]");
    // the answer writes the figure asked somewhere: it may hold for another part of the claim
    keep("Le schéma court jusqu'en 2028 ?", "Jusqu'en 2027 selon le réseau, 2028 selon la presse. [1]");
    // a bound that the answer's figure satisfies (more than 100: 200 is more)
    keep("Plus de 100 personnes sont venues ?", "Plus de 200 personnes ont participé. [1]");
    // a negation other than a cap: which way « Non » goes is unclear
    keep("Il ne faut pas 5 structures ?", "Au moins trois structures. [1]");
    keep("On n'a pas besoin de 3 structures ?", "Au moins trois structures. [1]");
    // two figures of the kind in the first sentence, one of them the one asked
    keep("Le plafond est de 10 000 € ?", "Jusqu'à 10 000 €, ou 40 000 € pour un prêt d'honneur. [1]");
  });

  it("reads a cap stated with a negation (« ne peut pas dépasser 20 % ») as a claim", () => {
    expect(premiseVerdict("Une commune ne peut pas dépasser 20 % du capital, c'est ça ?", "Jusqu'à 50 % du capital. [1]")).toBe("no");
  });
});

describe("a card that opens on a date, asked something else", () => {
  const answer = "Le mardi 4 février 2025. Le plan compte 6 axes et 40 actions.";
  it("leads with the statement after the date for how many, who, where and what", () => {
    expect(dropDateLead(answer, "Le plan compte combien d'axes ?")).toBe("Le plan compte 6 axes et 40 actions.");
    expect(dropDateLead("In March 2025. It has 6 axes and 40 actions.", "How many axes does it have?")).toBe("It has 6 axes and 40 actions.");
  });
  it("keeps the date for when and for yes/no questions", () => {
    expect(dropDateLead(answer, "Le plan a été voté quand ?")).toBe(answer);
    expect(dropDateLead(answer, "Voté quand, et il compte combien d'actions ?")).toBe(answer);
    expect(dropDateLead(answer, "Le plan a été voté en février 2025 ?")).toBe(answer);
  });
});

describe("a yes/no question with no figure gets « Oui » only when the first sentence states it", () => {
  it("says « Oui » when that sentence holds every word of the question, verbs in another form included", () => {
    expect(
      withPremiseLead("Une coopérative peut-elle adopter la forme d'une SARL ?", "Une coopérative adopte la forme d'une SA ou d'une SARL. [1]", false),
    ).toBe("Oui : une coopérative adopte la forme d'une SA ou d'une SARL. [1]");
    expect(withPremiseLead("Can a cooperative adopt the form of a company?", "A cooperative adopts the form of a company. [1]", true)).toBe(
      "Yes: a cooperative adopts the form of a company. [1]",
    );
  });
  it("adds nothing on exclusivity, obligation or negation, a word missing, or too few words", () => {
    const keep = (q: string, a: string) => expect(withPremiseLead(q, a, false)).toBe(a);
    // (« réservé aux associations ? » answered by a sentence listing more is a « Non »: see the questions of exclusivity below)
    keep("Une coopérative doit-elle obligatoirement adopter la forme d'une SARL ?", "Une coopérative adopte la forme d'une SA ou d'une SARL. [1]");
    // the sentence negates
    keep("Une coopérative peut-elle adopter la forme d'une association ?", "Une coopérative ne peut pas adopter la forme d'une association. [1]");
    // « mutuelle » is not in the sentence
    keep("Une coopérative peut-elle adopter la forme d'une mutuelle ?", "Une coopérative adopte la forme d'une SA ou d'une SARL. [1]");
    // a bare « et une SCOP ? » names one thing: nothing to confirm
    keep("et une SCOP ?", "Une SCOP est une société coopérative. [1]");
    // a question asking a thing is no claim
    keep("Quelle forme une coopérative peut-elle adopter ?", "Une coopérative adopte la forme d'une SA ou d'une SARL. [1]");
  });
});

describe("a yes/no question about a legal form, answered offline", () => {
  const t = sharedRuntime({ llm: null });
  it("leads with « Oui » when the answer's first sentence states it", async () => {
    const reply = await t.runtime.answerer.ask("Est-ce qu'une SCIC peut prendre la forme d'une SARL ?", { audience: "porteur" });
    expect(reply.text).toMatch(/^Oui : /);
    const other = await t.runtime.answerer.ask("Une SCIC peut-elle prendre la forme d'une association ?", { audience: "porteur" });
    expect(other.text).not.toMatch(/^Oui/);
  });
});

describe("« X est-il un Y ? » answered by a card listing the Y", () => {
  const towns = ["Quelles villes du Gard ont une pépinière d'entreprises ?", "pépinières gard villes"];
  const list = "Par exemple Alès, Bagnols-sur-Cèze, Le Vigan (zone du Mas de Pommier) et Uzès. [1]";
  it("says « Oui » when the first sentence names the thing asked about and a « which » phrasing names the kind", () => {
    expect(premiseVerdict("Bagnols-sur-Cèze a-t-elle une pépinière d'entreprises ?", list, towns)).toBe("yes");
    expect(premiseVerdict("La zone du Mas de Pommier est-elle une pépinière d'entreprises ?", list, towns)).toBe("yes");
    expect(withPremiseLead("Uzès a-t-elle une pépinière d'entreprises ?", "Notamment Alès et Uzès. [1]", false, towns)).toBe(
      "Oui : notamment Alès et Uzès. [1]",
    );
  });
  it("says nothing when the name is missing, part of a longer one, or the list is of what is no more", () => {
    // not named
    expect(premiseVerdict("Sommières a-t-elle une pépinière d'entreprises ?", list, towns)).toBeNull();
    // « Pommier » alone names something else than the « Mas de Pommier »
    expect(premiseVerdict("Pommier a-t-il une pépinière d'entreprises ?", list, towns)).toBeNull();
    // a list of towns that lost theirs
    expect(premiseVerdict("Alès a-t-elle une pépinière d'entreprises ?", list, ["Quelles villes ont perdu leur pépinière d'entreprises ?"])).toBeNull();
    // an exclusive claim
    expect(premiseVerdict("Alès est-elle la seule ville avec une pépinière d'entreprises ?", list, towns)).toBeNull();
    // without a listing card, or with a card that does not ask « which »
    expect(premiseVerdict("Alès a-t-elle une pépinière d'entreprises ?", list)).toBeNull();
    expect(premiseVerdict("Alès a-t-elle une pépinière d'entreprises ?", list, ["pépinières gard villes"])).toBeNull();
    // an open question
    expect(premiseVerdict("Quelle pépinière d'entreprises à Alès ?", list, towns)).toBeNull();
  });
});

describe("« un X peut-il / fait-il partie de… ? » answered by a card listing the members of that set", () => {
  const dla = ["Qui a accès au dispositif d'accompagnement ?", "Quelles structures peuvent bénéficier du dispositif ?"];
  const members = "Les structures employeuses : associations, coopératives, régies de quartier et entreprises adaptées. [1]";
  const ess = ["Quelles structures font partie de l'ESS selon la loi ?"];
  const families = "Les coopératives, les mutuelles, les fondations et les associations, ainsi que certaines sociétés commerciales. [1]";
  it("says « Oui » when the first sentence names the thing and a « which » phrasing holds the rest of the question", () => {
    expect(premiseVerdict("Une régie de quartier peut-elle bénéficier du dispositif ?", members, dla)).toBe("yes");
    expect(premiseVerdict("Les coopératives peuvent-elles bénéficier du dispositif ?", members, dla)).toBe("yes");
    expect(premiseVerdict("Les mutuelles font-elles partie de l'ESS ?", families, ess)).toBe("yes");
    // written without hyphens (« peut elle »), or as a statement put up with a question mark
    expect(premiseVerdict("une regie de quartier peut elle beneficier du dispositif ?", members, dla)).toBe("yes");
    expect(premiseVerdict("les fondations font elles partie de l'ESS ?", families, ess)).toBe("yes");
    expect(premiseVerdict("Une fondation fait partie de l'ESS ?", families, ess)).toBe("yes");
    expect(premiseVerdict("Une SAS fait partie de l'ESS ?", families, ess)).toBeNull();
    expect(premiseVerdict("une structure peut elle beneficier du dispositif ?", members, dla)).toBeNull();
    expect(premiseVerdict("Est-ce qu'une coopérative fait partie de l'ESS ?", families, ess)).toBe("yes");
    // a year naming the rule, that the answer neither gives nor contradicts
    expect(withPremiseLead("Une fondation fait-elle partie de l'ESS selon la loi de 2014 ?", families, false, ess)).toMatch(/^Oui : les coopératives/);
  });
  it("says nothing when the thing is not listed, is the kind itself, or the claim is exclusive or negative", () => {
    expect(premiseVerdict("Une SAS fait-elle partie de l'ESS ?", families, ess)).toBeNull();
    expect(premiseVerdict("Une structure peut-elle bénéficier du dispositif ?", members, dla)).toBeNull();
    expect(premiseVerdict("Les associations font-elles toutes partie de l'ESS ?", families, ess)).toBeNull();
    expect(premiseVerdict("Les fondations sont-elles exclues de l'ESS ?", families, ess)).toBeNull();
    expect(premiseVerdict("Une coopérative peut-elle financer le dispositif ?", members, dla)).toBeNull();
    // a year the answer contradicts, or no listing card
    expect(premiseVerdict("Une fondation fait-elle partie de l'ESS depuis 2020 ?", "Depuis 2014, les coopératives et les fondations. [1]", ess)).not.toBe(
      "yes",
    );
    expect(premiseVerdict("Les mutuelles font-elles partie de l'ESS ?", families)).toBeNull();
    // an open question
    expect(premiseVerdict("Quelles mutuelles font partie de l'ESS ?", families, ess)).toBeNull();
  });
});

describe("a question asking whether a thing is only for one kind", () => {
  it("answers « Non » when the first sentence names that kind among others", () => {
    expect(
      withPremiseLead(
        "Le soutien aux ressourceries, c'est uniquement pour les villes ?",
        "Le soutien vise les villes comme les villages ruraux, avec un accompagnement adapté. [1]",
        false,
      ),
    ).toMatch(/^Non : le soutien vise les villes comme/);
    expect(withPremiseLead("Is the support only for cooperatives?", "Cooperatives, associations and mutuals may apply. [1]", true)).toMatch(
      /^No: cooperatives, associations and mutuals may apply\. \[1\]$/i,
    );
    expect(withPremiseLead("Le réseau est-il réservé aux associations ?", "Le réseau est ouvert aux associations et aux coopératives. [1]", false)).toBe(
      "Non : le réseau est ouvert aux associations et aux coopératives. [1]",
    );
    expect(withPremiseLead("La formation, c'est que pour les élus ?", "Les élus et les agents y sont invités. [1]", false)).toMatch(
      /^Non : les élus et les agents/,
    );
  });
  it("replaces a « Oui » a card put first, which said the thing is open to that kind", () => {
    expect(
      withPremiseLead(
        "Le prêt est seulement pour les associations ?",
        "Oui, si elle a un projet : le prêt s'adresse aux associations, aux coopératives et aux mutuelles. [1]",
        false,
        ["Une association peut-elle avoir le prêt ?"],
      ),
    ).toBe("Non : le prêt s'adresse aux associations, aux coopératives et aux mutuelles. [1]");
  });
  it("says it when the sentence says the thing is not reserved to that kind", () => {
    expect(withPremiseLead("C'est réservé aux associations ?", "Les structures employeuses : ce n'est pas réservé aux associations. [1]", false)).toMatch(
      /^Non : /,
    );
  });
  it("leaves the answer when the kind stands alone, when the card asks about exclusivity, or when the question offers another choice", () => {
    const alone = "Le prêt s'adresse aux associations employeuses du Gard. [1]";
    expect(withPremiseLead("Le prêt est seulement pour les associations ?", alone, false)).toBe(alone);
    const cardYes = "Oui, si elle emploie des salariés : le dispositif aide les associations, les coopératives et les mutuelles. [1]";
    expect(withPremiseLead("C'est seulement pour les employeurs ?", cardYes, false, ["Est-ce réservé aux employeurs ?"])).toBe(cardYes);
    const choice = "Du conseil, des locaux et du matériel, en plus de la subvention. [1]";
    expect(withPremiseLead("C'est seulement de l'argent ou il y a autre chose ?", choice, false)).toBe(choice);
    // (a comma before a relative clause goes on with no list: « Nîmes, dont… »)
    const place = "Le cabinet installé à Nîmes, dont la mission a duré deux ans, a conduit la démarche. [1]";
    expect(withPremiseLead("Le projet concerne que Nîmes ?", place, false)).toBe(place);
  });
});

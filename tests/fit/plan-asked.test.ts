/**
 * A plan the writer had in mind (« on pensait demander une subvention… ») is set aside, unless the message asks whether it
 * can be done (« C'est possible ? ») with nothing set against it: then it is what they ask for.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const needIds = (text: string) => projectFeatures(text, links).needs.map((n) => n.need.id);

describe("a plan in mind", () => {
  it("asked whether it can be done, is the need", () => {
    expect(
      needIds("Ma SARL de traiteur à Vauvert a 3 salariés, on pensait solliciter une subvention du Département pour une chambre froide. C'est faisable ?"),
    ).toContain("aide-entreprise");
    expect(needIds("Notre petite SAS de Sommières pensait demander une aide au Département pour ses travaux, on peut ?")).toContain("aide-entreprise");
  });
  it("near miss: set against another need, it stays set aside", () => {
    expect(needIds("On pensait demander une subvention au Département, mais finalement on cherche un prêt. C'est possible ?")).not.toContain("financement");
    expect(needIds("Notre SCIC de Lasalle pensait demander au Département d'entrer au capital, il lui faut surtout un prêt.")).not.toContain("capital-scic");
  });
});

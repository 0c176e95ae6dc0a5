/**
 * The need « créer ou reprendre son entreprise » (knowledge/liens-schema.yaml) in English: taking over a business and
 * asking for a personal or interest-free loan point to the honour loan, as « reprendre » and « prêt personnel » do.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const needIds = (text: string) => projectFeatures(text, links).needs.map((n) => n.need.id);

describe("creating or taking over one's own business, said in English", () => {
  it("« taking over » a shop is a creation of one's own", () => {
    expect(needIds("I'm taking over a hairdresser's shop in Alès next spring. What help exists?")).toContain("creation-individuelle");
  });

  it("a personal or interest-free loan asked for it is the honour loan's need", () => {
    expect(needIds("I want to open a bike repair shop in Sommières; is there a personal loan for people like me?")).toContain("creation-individuelle");
    expect(needIds("Is there an interest-free option to finance my first van for my delivery business?")).toContain("creation-individuelle");
  });

  it("near miss: a cooperative's bank guarantee stays a loan or guarantee need, not a personal creation", () => {
    const needs = needIds("Our cooperative in Bagnols needs a guarantee on a bank loan for new premises.");
    expect(needs).not.toContain("creation-individuelle");
  });
});

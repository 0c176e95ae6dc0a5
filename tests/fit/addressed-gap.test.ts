/**
 * A project message whose request to the assistant (« tu peux me donner… ? ») asks a known gap asks
 * that information: project fit leaves it to the ordinary answer, which refuses it.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";
import { askedPart } from "../../src/answer/asked-part.js";
import { addressedGap, onlyAsks } from "../../src/fit/project-fit.js";

const guards = Guards.load();
const asks = (text: string) => addressedGap(askedPart(text), guards, text);

describe("a request to the assistant that asks a known gap", () => {
  it("is found in the addressed sentence, whatever the project before it", () => {
    expect(
      asks(
        "Nous sommes trois associations près de Lussan et voulons ouvrir une crèche partagée. Il faut être en zone rurale ? Tu peux me donner la liste des communes FRR du Gard ?",
      ),
    ).toBe(true);
  });

  it("is not found when the addressed sentence asks for orientation only", () => {
    expect(asks("Notre SCIC près d'Alès veut ouvrir une épicerie solidaire. Pouvez-vous nous dire quelles aides existent ?")).toBe(false);
  });

  it("is not found when no sentence addresses the assistant", () => {
    expect(asks("Nous sommes trois associations près de Lussan, en zone FRR. Quelles pistes pour une crèche partagée ?")).toBe(false);
  });
});

describe("a message made of questions only", () => {
  it("stays one when the question is pressed again or followed by a short demand on how to answer", () => {
    expect(onlyAsks("Une fondation peut-elle être l'une des structures d'un commun ? Oui ou non ?")).toBe(true);
    expect(onlyAsks("Ma SCOP sera-t-elle retenue ? Donnez-moi une réponse claire.")).toBe(true);
  });
  it("is none when a sentence describes a project", () => {
    expect(onlyAsks("Nous sommes une association d'Alès. Quelles aides ?")).toBe(false);
    expect(onlyAsks("Quelles aides ? Nous ouvrons une ressourcerie à Alès avec deux salariés.")).toBe(false);
  });
});

/**
 * The App Home tab (views.publish on app_home_opened): what Relais ESS does,
 * its four most useful actions, where to find it in Slack, and how personal
 * data is handled. All French, well under Slack's 100 blocks per view.
 */
import type { types } from "@slack/bolt";
import { ACTION } from "./render.js";

type Block = types.KnownBlock;

export const HOME_ACTIONS = [
  { action_id: ACTION.homeAsk, text: "Poser une question" },
  { action_id: `${ACTION.corePrefix}eligibility`, text: "Vérifier mon éligibilité" },
  { action_id: `${ACTION.corePrefix}friction`, text: "Signaler une difficulté" },
  { action_id: `${ACTION.corePrefix}handoff`, text: "Parler à une personne" },
] as const;

export const PRIVACY_NOTICE =
  "*Vos données personnelles*\n" +
  "Vos questions sont enregistrées sous un identifiant pseudonyme, après effacement des adresses électroniques, " +
  "numéros de téléphone, IBAN et adresses postales. Elles servent à améliorer les réponses et au rapport de suivi " +
  "de l'équipe ESS du Département du Gard, puis sont supprimées au terme de la durée de conservation. " +
  "Pour faire effacer vos données, adressez-vous à l'équipe ESS (« Parler à une personne »). " +
  "N'indiquez pas de données personnelles dans vos messages.";

export function homeView(): types.HomeView {
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: "Relais ESS" } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          "L'assistant de l'économie sociale et solidaire du Département du Gard. Il répond à vos questions sur le schéma " +
          "départemental de l'ESS, l'appel à communs et les accompagnements *en citant ses sources publiques*, vous oriente " +
          "vers le bon interlocuteur, vérifie votre éligibilité avec des règles explicites et transmet votre demande à une " +
          "personne de l'équipe ESS quand c'est utile.",
      },
    },
    { type: "section", text: { type: "mrkdwn", text: "*Que souhaitez-vous faire ?*" } },
    {
      type: "actions",
      block_id: "ess-home-actions",
      elements: HOME_ACTIONS.map((a, i) => ({
        type: "button" as const,
        action_id: a.action_id,
        text: { type: "plain_text" as const, text: a.text },
        ...(i === 0 ? { style: "primary" as const } : {}),
      })),
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          "*Où me trouver*\n" +
          "• Dans un canal : mentionnez `@Relais ESS` ; je réponds dans le fil, puis je suis la suite du fil sans nouvelle mention.\n" +
          "• En message direct, ou dans le panneau Assistant de Slack.\n" +
          "• Avec la commande `/ess` suivie de votre question (réponse visible de vous seul) : `/ess aide` pour la liste des commandes.",
      },
    },
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: PRIVACY_NOTICE } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: "Réponses indicatives, à vérifier auprès des contacts indiqués : la décision revient à l'organisme qui porte chaque dispositif.",
        },
      ],
    },
  ];
  return { type: "home", blocks };
}

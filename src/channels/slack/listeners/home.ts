/** The App Home tab (published when a person opens it) and its "Poser une question" button. */
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { homeView } from "../home.js";
import { questionModal } from "../modals.js";
import { ACTION } from "../render.js";
import type { SlackRuntime } from "../runtime.js";

export function registerHome(app: App, rt: SlackRuntime): void {
  app.event("app_home_opened", async ({ event, client }) => {
    const ev = event as { user: string; tab?: string };
    if (ev.tab && ev.tab !== "home") return;
    await rt.track("app_home_opened", () => client.views.publish({ user_id: ev.user, view: homeView() }));
  });

  app.action<BlockAction<ButtonAction>>(ACTION.homeAsk, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: questionModal() });
  });
}

/**
 * Slack's documented Block Kit and Web API limits, checked on every payload the fake
 * Slack API receives. Real Slack answers `{ ok: false, error: "invalid_blocks" |
 * "invalid_arguments" }` to an over-limit payload and shows nothing, so the fake does
 * the same: a test that sends one sees the failure the person would see.
 *
 * Limits (Block Kit reference, checked December 2026): section/markdown text ≤ 3000,
 * header ≤ 150, ≤ 50 blocks per message and ≤ 100 per view, plain_text_input
 * max_length/min_length 1–3000 and placeholder ≤ 150, button text ≤ 75, value ≤ 2000,
 * url ≤ 3000, action_id/block_id ≤ 255 (action_id unique within a block), actions ≤ 25
 * elements, context ≤ 10, option text ≤ 75 and value ≤ 150, static_select ≤ 100
 * options, radio/checkboxes ≤ 10, view title/submit/close ≤ 24, callback_id ≤ 255,
 * private_metadata ≤ 3000, message `text` fallback ≤ 4000; streams: markdown_text ≤ 12 000
 * and, outside a DM, a recipient; setStatus: channel, thread and ≤ 10 loading messages.
 */

export interface LimitViolation {
  path: string;
  message: string;
}

type Json = Record<string, any>;

const len = (s: unknown) => (typeof s === "string" ? [...s].length : 0);

function checkText(v: LimitViolation[], path: string, t: unknown, max: number, required = true): void {
  if (t === undefined || t === null) {
    if (required) v.push({ path, message: "missing text" });
    return;
  }
  const text = typeof t === "string" ? t : (t as Json).text;
  if (typeof text !== "string") {
    v.push({ path, message: "text is not a string" });
    return;
  }
  if (required && text.length === 0) v.push({ path, message: "empty text" });
  if (len(text) > max) v.push({ path, message: `text of ${len(text)} characters > ${max}` });
}

function checkOption(v: LimitViolation[], path: string, o: Json): void {
  checkText(v, `${path}.text`, o?.text, 75);
  if (len(o?.value) > 150) v.push({ path: `${path}.value`, message: `value of ${len(o.value)} > 150` });
  if (o?.description) checkText(v, `${path}.description`, o.description, 75);
}

function checkElement(v: LimitViolation[], path: string, e: Json): void {
  if (!e || typeof e !== "object") {
    v.push({ path, message: "element is not an object" });
    return;
  }
  if (len(e.action_id) > 255) v.push({ path: `${path}.action_id`, message: "action_id > 255" });
  switch (e.type) {
    case "button":
      checkText(v, `${path}.text`, e.text, 75);
      if (len(e.value) > 2000) v.push({ path: `${path}.value`, message: `value of ${len(e.value)} > 2000` });
      if (len(e.url) > 3000) v.push({ path: `${path}.url`, message: "url > 3000" });
      break;
    case "plain_text_input":
      for (const k of ["max_length", "min_length"] as const) {
        if (e[k] === undefined) continue;
        const min = k === "min_length" ? 0 : 1;
        if (typeof e[k] !== "number" || e[k] < min || e[k] > 3000) v.push({ path: `${path}.${k}`, message: `${k} ${e[k]} outside ${min}–3000` });
      }
      if (len(e.initial_value) > 3000) v.push({ path: `${path}.initial_value`, message: "initial_value > 3000" });
      if (typeof e.max_length === "number" && len(e.initial_value) > e.max_length)
        v.push({ path: `${path}.initial_value`, message: "initial_value longer than max_length" });
      break;
    case "static_select":
    case "multi_static_select":
      if ((e.options?.length ?? 0) > 100) v.push({ path: `${path}.options`, message: `${e.options.length} options > 100` });
      (e.options ?? []).forEach((o: Json, i: number) => checkOption(v, `${path}.options[${i}]`, o));
      (e.option_groups ?? []).forEach((g: Json, gi: number) =>
        (g.options ?? []).forEach((o: Json, i: number) => checkOption(v, `${path}.option_groups[${gi}].options[${i}]`, o)),
      );
      if (e.initial_option) checkOption(v, `${path}.initial_option`, e.initial_option);
      break;
    case "radio_buttons":
    case "checkboxes":
      if ((e.options?.length ?? 0) > 10) v.push({ path: `${path}.options`, message: `${e.options.length} options > 10` });
      (e.options ?? []).forEach((o: Json, i: number) => checkOption(v, `${path}.options[${i}]`, o));
      break;
  }
  if (e.placeholder) checkText(v, `${path}.placeholder`, e.placeholder, 150);
}

/** Violations of one list of blocks (message: max 50 blocks; view: 100). */
export function checkBlocks(blocks: unknown, maxBlocks: number, path = "blocks"): LimitViolation[] {
  const v: LimitViolation[] = [];
  if (blocks === undefined) return v;
  if (!Array.isArray(blocks)) return [{ path, message: "blocks is not an array" }];
  if (blocks.length > maxBlocks) v.push({ path, message: `${blocks.length} blocks > ${maxBlocks}` });
  const blockIds = new Set<string>();
  blocks.forEach((b: Json, i: number) => {
    const p = `${path}[${i}]`;
    if (b.block_id !== undefined) {
      if (len(b.block_id) > 255) v.push({ path: `${p}.block_id`, message: "block_id > 255" });
      if (blockIds.has(b.block_id)) v.push({ path: `${p}.block_id`, message: `duplicate block_id ${b.block_id}` });
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case "section":
        if (b.text === undefined && !b.fields) v.push({ path: p, message: "section without text or fields" });
        if (b.text !== undefined) checkText(v, `${p}.text`, b.text, 3000);
        if ((b.fields?.length ?? 0) > 10) v.push({ path: `${p}.fields`, message: "more than 10 fields" });
        (b.fields ?? []).forEach((f: Json, j: number) => checkText(v, `${p}.fields[${j}]`, f, 2000));
        if (b.accessory) checkElement(v, `${p}.accessory`, b.accessory);
        break;
      case "markdown":
        checkText(v, `${p}.text`, b.text, 3000);
        break;
      case "header":
        checkText(v, `${p}.text`, b.text, 150);
        break;
      case "context":
        if ((b.elements?.length ?? 0) > 10) v.push({ path: `${p}.elements`, message: `${b.elements.length} elements > 10` });
        if (!b.elements?.length) v.push({ path: `${p}.elements`, message: "context without elements" });
        (b.elements ?? []).forEach((e: Json, j: number) => (e.type === "image" ? undefined : checkText(v, `${p}.elements[${j}]`, e, 3000)));
        break;
      case "actions": {
        if ((b.elements?.length ?? 0) > 25) v.push({ path: `${p}.elements`, message: `${b.elements.length} elements > 25` });
        if (!b.elements?.length) v.push({ path: `${p}.elements`, message: "actions without elements" });
        const ids = new Set<string>();
        (b.elements ?? []).forEach((e: Json, j: number) => {
          checkElement(v, `${p}.elements[${j}]`, e);
          if (e.action_id !== undefined) {
            if (ids.has(e.action_id)) v.push({ path: `${p}.elements[${j}].action_id`, message: `duplicate action_id ${e.action_id}` });
            ids.add(e.action_id);
          }
        });
        break;
      }
      case "input":
        checkText(v, `${p}.label`, b.label, 2000);
        if (b.hint) checkText(v, `${p}.hint`, b.hint, 2000);
        checkElement(v, `${p}.element`, b.element);
        break;
      case "divider":
      case "image":
      case "rich_text":
        break;
      default:
        v.push({ path: `${p}.type`, message: `unknown block type ${String(b.type)}` });
    }
  });
  return v;
}

/** Violations of a message payload (chat.postMessage, postEphemeral, update, response_url). */
export function checkMessage(args: Json): LimitViolation[] {
  const v = checkBlocks(args.blocks, 50);
  if (args.text !== undefined && len(args.text) > 4000) v.push({ path: "text", message: `fallback text of ${len(args.text)} > 4000` });
  if (args.text === undefined && args.blocks === undefined && !args.delete_original && args.markdown_text === undefined)
    v.push({ path: "text", message: "neither text nor blocks" });
  return v;
}

/** Violations of a view (views.open / push / update / publish). */
export function checkView(view: unknown): LimitViolation[] {
  if (!view || typeof view !== "object") return [{ path: "view", message: "missing view" }];
  const w = view as Json;
  const v = checkBlocks(w.blocks, 100, "view.blocks");
  if (w.type === "modal") {
    checkText(v, "view.title", w.title, 24);
    if (w.submit) checkText(v, "view.submit", w.submit, 24);
    if (w.close) checkText(v, "view.close", w.close, 24);
  }
  if (len(w.callback_id) > 255) v.push({ path: "view.callback_id", message: "callback_id > 255" });
  if (len(w.private_metadata) > 3000) v.push({ path: "view.private_metadata", message: `private_metadata of ${len(w.private_metadata)} > 3000` });
  if (len(w.external_id) > 255) v.push({ path: "view.external_id", message: "external_id > 255" });
  return v;
}

/** Violations of one Web API call's arguments, by method; an empty list when valid. */
export function checkSlackCall(method: string, args: Json): LimitViolation[] {
  switch (method) {
    case "chat.postMessage":
    case "chat.postEphemeral":
    case "chat.update":
    case "response":
      return checkMessage(args);
    case "views.open":
    case "views.push":
    case "views.update":
    case "views.publish":
      return checkView(args.view);
    case "chat.startStream":
    case "chat.appendStream":
    case "chat.stopStream": {
      const v = method === "chat.stopStream" ? checkBlocks(args.blocks, 50) : [];
      if (len(args.markdown_text) > 12000) v.push({ path: "markdown_text", message: `markdown_text of ${len(args.markdown_text)} > 12000` });
      (Array.isArray(args.chunks) ? args.chunks : []).forEach((c: Json, i: number) => {
        if (c?.type === "markdown_text" && len(c.text) > 12000) v.push({ path: `chunks[${i}].text`, message: "markdown_text chunk > 12000" });
      });
      if (method !== "chat.startStream" && !args.ts) v.push({ path: "ts", message: "missing ts" });
      // Outside a direct message, Slack needs to know who receives the stream.
      if (method === "chat.startStream" && !String(args.channel ?? "").startsWith("D") && (!args.recipient_user_id || !args.recipient_team_id))
        v.push({ path: "recipient_user_id", message: "recipient_user_id and recipient_team_id are required outside a DM" });
      return v;
    }
    case "assistant.threads.setStatus": {
      const v: LimitViolation[] = [];
      if (typeof args.status !== "string") v.push({ path: "status", message: "missing status" });
      if (!args.channel_id || !args.thread_ts) v.push({ path: "thread_ts", message: "channel_id and thread_ts are required" });
      const loading = args.loading_messages;
      if (loading !== undefined && (!Array.isArray(loading) || loading.length > 10))
        v.push({ path: "loading_messages", message: "at most 10 loading messages" });
      return v;
    }
    case "assistant.threads.setSuggestedPrompts": {
      const v: LimitViolation[] = [];
      const prompts = args.prompts ?? [];
      if (!Array.isArray(prompts) || prompts.length === 0 || prompts.length > 4) v.push({ path: "prompts", message: "1 to 4 prompts" });
      (Array.isArray(prompts) ? prompts : []).forEach((p: Json, i: number) => {
        checkText(v, `prompts[${i}].title`, p?.title, 75);
        checkText(v, `prompts[${i}].message`, p?.message, 4000);
      });
      return v;
    }
    default:
      return [];
  }
}

// @ts-check
// Relais ESS playground. Plain browser JavaScript, no build step.
// Every text coming from the user or the knowledge is inserted with
// textContent / text nodes — never innerHTML.
"use strict";

/**
 * Shapes of the JSON the service sends (see src/core/reply.ts, src/channels/web/labels.ts
 * and src/report/build.ts); only the fields this page reads are listed.
 * @typedef {{ value: string, label: string }} Option
 * @typedef {{ n: number, id: string, title: string, kind: string, status?: string, section?: string, page?: number, url?: string }} Source
 * @typedef {{ process: string, name: string, operator?: string, why?: string, contacts?: { label: string, url?: string }[] }} Route
 * @typedef {{ process: string, verdict: string, reasons?: { text: string }[], missing?: { question: string }[], checker?: string }} Verdict
 * @typedef {{ id: string, label: string, value?: string }} Action
 * @typedef {{
 *   type: string, text: string, refused?: boolean, sources?: Source[], route?: Route | null,
 *   eligibility?: Verdict[], handoff?: { id: string } | null, prompt?: { options?: Option[] } | null,
 *   followUps?: string[], actions?: Action[]
 * }} Reply
 * @typedef {{ fact: string, type: string, label: string, question: string, options: Option[] | null }} FactQuestion
 * @typedef {{ steps: Option[], blockers: Option[], processes: Option[], severities: Option[] }} FrictionVocabulary
 * @typedef {{
 *   facts: FactQuestion[], friction: FrictionVocabulary, kinds: Record<string, string>,
 *   verdicts: Record<string, string>, processes: Record<string, string>
 * }} Vocabulary
 * @typedef {{ label: string, count: number }} CountRow
 * @typedef {{
 *   title: string, interactions: number, answered: number, refused: number,
 *   ratings: { up: number, down: number, satisfactionRate: number | null },
 *   frictions: number, handoffs: number | { count: number }, openHandoffs: number,
 *   volumes: { byRoute: CountRow[] }, friction: { byStep: CountRow[], byBlocker: CountRow[] },
 *   topUnanswered?: { question: string, count: number }[],
 *   openHandoffList?: { processLabel: string, summary: string, ageDays: number }[]
 * }} ActivityReport
 * @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Field
 */

/** An error answered by the service: its French message, details, and one message per form field. */
class ApiError extends Error {
  /**
   * @param {string} message
   * @param {string[]} details
   * @param {Record<string, string> | null} fields
   */
  constructor(message, details, fields) {
    super(message);
    this.details = details;
    this.fields = fields;
  }
}

/** @param {unknown} err */
const messageOf = (err) => (err instanceof Error ? err.message : String(err));

(() => {
  /**
   * An element of the page (they are all in index.html).
   * @param {string} id
   * @returns {HTMLElement}
   */
  const $ = (id) => {
    const node = document.getElementById(id);
    if (!node) throw new Error(`Élément #${id} absent de la page.`);
    return node;
  };
  /**
   * A form field of the page.
   * @param {string} id
   * @returns {Field}
   */
  const field = (id) => {
    const node = $(id);
    if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) return node;
    throw new Error(`#${id} n'est pas un champ de formulaire.`);
  };
  /**
   * A form of the page.
   * @param {string} id
   * @returns {HTMLFormElement}
   */
  const form = (id) => {
    const node = $(id);
    if (node instanceof HTMLFormElement) return node;
    throw new Error(`#${id} n'est pas un formulaire.`);
  };
  /** @type {{ conversationId: string, vocab: Vocabulary | null, lastRoute: string | null, msgCount: number }} */
  const state = {
    conversationId: newConversationId(),
    vocab: null,
    lastRoute: null,
    msgCount: 0,
  };

  function newConversationId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return "web-" + window.crypto.randomUUID();
    const a = new Uint8Array(16);
    window.crypto.getRandomValues(a);
    return "web-" + Array.from(a, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  /**
   * el("p", { class: "x" }, "text", otherNode) — strings become text nodes.
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Record<string, unknown>} [attrs]
   * @param {...(Node | string | null | undefined | false | (Node | string)[])} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = String(v);
      else if (k === "text") node.textContent = String(v);
      else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  /**
   * Only http(s) links are rendered as links.
   * @param {unknown} u
   * @returns {string | null}
   */
  function safeUrl(u) {
    try {
      const url = new URL(String(u), window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function audience() {
    return field("audience").value === "agent" ? "agent" : "porteur";
  }

  /**
   * @param {"GET" | "POST"} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<any>} the JSON answer (its shape depends on the route: Reply, Vocabulary, ActivityReport)
   */
  async function api(method, path, body) {
    const res = await fetch(path, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin",
    });
    let data = null;
    try {
      data = await res.json();
    } catch {
      data = null;
    }
    if (!res.ok) {
      const msg = (data && data.error) || `Le service a répondu ${res.status}.`;
      const details = data && Array.isArray(data.details) ? data.details.map(String) : [];
      // Form errors: one French message per field, shown next to it.
      const fields = data && data.fields && typeof data.fields === "object" ? data.fields : null;
      throw new ApiError(msg, details, fields);
    }
    return data;
  }

  /**
   * @param {Record<string, unknown>} payload
   * @returns {Promise<Reply>}
   */
  function turn(payload) {
    return api("POST", "/api/turn", { conversationId: state.conversationId, audience: audience(), ...payload });
  }

  // ------------------------------------------------------------------ text
  /**
   * Inline: **bold** and [n] citation markers (links to the numbered source).
   * @param {string} text
   * @param {string} prefix
   * @param {Set<number>} sourceNs
   * @returns {(Node | string)[]}
   */
  function inline(text, prefix, sourceNs) {
    /** @type {(Node | string)[]} */
    const out = [];
    const re = /\*\*([^*]+)\*\*|\[(\d{1,2})\]/g;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (m.index > last) out.push(text.slice(last, m.index));
      if (m[1] !== undefined) out.push(el("strong", {}, m[1]));
      else if (sourceNs.has(Number(m[2]))) {
        out.push(el("a", { href: `#${prefix}-src-${m[2]}`, class: "cite", "aria-label": `source ${m[2]}` }, `[${m[2]}]`));
      } else out.push(m[0]);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  /**
   * The core's tiny Markdown subset: paragraphs, "- " bullets, **bold**, [n].
   * @param {string} text
   * @param {string} prefix
   * @param {Set<number>} sourceNs
   */
  function richText(text, prefix, sourceNs) {
    const frag = document.createDocumentFragment();
    for (const block of String(text || "").split(/\n{2,}/)) {
      const lines = block.split("\n").filter((l) => l.trim() !== "");
      if (!lines.length) continue;
      /** @type {HTMLUListElement | null} */
      let list = null;
      /** @type {string[]} */
      let para = [];
      const flush = () => {
        if (para.length) frag.append(el("p", {}, ...para.flatMap((l, i) => (i ? [el("br"), ...inline(l, prefix, sourceNs)] : inline(l, prefix, sourceNs)))));
        para = [];
      };
      for (const line of lines) {
        const bullet = /^\s*[-•]\s+(.*)$/.exec(line);
        if (bullet) {
          flush();
          if (!list) {
            list = el("ul");
            frag.append(list);
          }
          list.append(el("li", {}, ...inline(bullet[1], prefix, sourceNs)));
        } else {
          list = null;
          para.push(line);
        }
      }
      flush();
    }
    return frag;
  }

  // ------------------------------------------------------------------ replies
  /** @param {string} kind */
  function kindLabel(kind) {
    return state.vocab?.kinds[kind] || kind;
  }
  /** @param {string} v */
  function verdictLabel(v) {
    return state.vocab?.verdicts[v] || v;
  }
  /** @param {string} p */
  function processLabel(p) {
    return state.vocab?.processes[p] || p;
  }

  /**
   * @param {Source[] | undefined} sources
   * @param {string} prefix
   */
  function renderSources(sources, prefix) {
    if (!sources || !sources.length) return null;
    const ol = el("ol");
    for (const s of sources) {
      const url = safeUrl(s.url);
      const title = url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, s.title) : el("span", {}, s.title);
      const where = [s.section, s.page ? `page ${s.page}` : null].filter(Boolean).join(", ");
      ol.append(
        el(
          "li",
          { id: `${prefix}-src-${s.n}`, value: String(s.n), tabindex: "-1" },
          title,
          el("span", { class: "kind" }, kindLabel(s.kind)),
          s.status === "reported" ? el("span", { class: "kind" }, "à vérifier") : null,
          where ? el("div", { class: "hint" }, where) : null,
        ),
      );
    }
    return el("div", { class: "sources" }, el("h3", {}, "Sources"), ol);
  }

  /** @param {Route | null | undefined} route */
  function renderRoute(route) {
    if (!route) return null;
    state.lastRoute = route.process;
    const contacts = (route.contacts || []).map((c) => {
      const url = safeUrl(c.url);
      return el("li", {}, url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, c.label) : c.label);
    });
    return el(
      "div",
      { class: "route" },
      el("h3", {}, "Orientation"),
      el("p", {}, el("strong", {}, route.name), route.operator ? ` — ${route.operator}` : ""),
      route.why ? el("p", { class: "hint" }, route.why) : null,
      contacts.length ? el("div", {}, el("p", {}, "Contacts publics :"), el("ul", {}, contacts)) : null,
    );
  }

  /** @param {Verdict[] | undefined} results */
  function renderEligibility(results) {
    if (!results || !results.length) return null;
    const ul = el("ul", { class: "verdicts" });
    for (const r of results) {
      const reasons = (r.reasons || []).map((x) => el("li", {}, x.text));
      const missing = (r.missing || []).map((x) => el("li", {}, x.question));
      ul.append(
        el(
          "li",
          { "data-process": r.process },
          el("p", {}, el("strong", {}, processLabel(r.process)), " : ", el("span", { class: `verdict ${r.verdict}` }, verdictLabel(r.verdict))),
          reasons.length || missing.length || r.checker
            ? el(
                "details",
                {},
                el("summary", {}, "Détail des conditions"),
                reasons.length ? el("ul", {}, reasons) : null,
                missing.length ? el("div", {}, el("p", {}, "Informations à préciser :"), el("ul", {}, missing)) : null,
                r.checker ? el("p", { class: "hint" }, `Vérification : ${r.checker}`) : null,
              )
            : null,
        ),
      );
    }
    return el("div", { class: "eligibility" }, el("h3", {}, "Verdicts par dispositif"), ul);
  }

  /**
   * @param {Action} action
   * @param {HTMLElement} container
   */
  function ratingControls(action, container) {
    const interactionId = action.value;
    const wrap = el("div", { class: "actions rating", role: "group", "aria-label": "Évaluer cette réponse" });
    const up = el("button", { type: "button", class: "secondary" }, "Réponse utile");
    const down = el("button", { type: "button", class: "secondary" }, "Réponse pas utile");
    const status = el("p", { class: "status", role: "status" });
    /**
     * @param {string} id
     * @param {string} [comment]
     */
    const send = async (id, comment) => {
      up.disabled = true;
      down.disabled = true;
      try {
        const reply = await turn({ action: { id, value: interactionId, comment: comment || undefined } });
        status.textContent = reply.text;
      } catch (err) {
        status.textContent = messageOf(err);
        up.disabled = false;
        down.disabled = false;
      }
    };
    up.addEventListener("click", () => send("rate-up"));
    down.addEventListener("click", () => {
      if (wrap.querySelector(".comment")) return;
      const cid = `comment-${++state.msgCount}`;
      const box = el("textarea", { id: cid, rows: "2", maxlength: "1000" });
      const ok = el("button", { type: "button" }, "Envoyer l'avis");
      const comment = el("div", { class: "comment" }, el("label", { for: cid }, "Qu'est-ce qui manquait ? (facultatif)"), box, el("div", { class: "row" }, ok));
      ok.addEventListener("click", () => {
        ok.disabled = true;
        send("rate-down", box.value.trim());
      });
      wrap.append(comment);
      box.focus();
    });
    wrap.append(up, down, status);
    container.append(wrap);
  }

  /**
   * @param {Reply} reply
   * @param {HTMLElement} container
   */
  function renderActions(reply, container) {
    /** @type {Action[]} */
    const rest = [];
    let rated = false;
    for (const a of reply.actions || []) {
      if (a.id === "rate-up" || a.id === "rate-down") {
        if (!rated && a.value) ratingControls(a, container);
        rated = true;
      } else rest.push(a);
    }
    if (!rest.length) return;
    const row = el("div", { class: "actions" });
    for (const a of rest) {
      const b = el("button", { type: "button", class: "secondary" }, a.label);
      b.addEventListener("click", () => onAction(a));
      row.append(b);
    }
    container.append(row);
  }

  /** @param {Action} a */
  function onAction(a) {
    if (a.id === "eligibility") {
      $("eligibility-section").scrollIntoView({ behavior: "smooth" });
      const first = $("facts-fields").querySelector("select, input");
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    if (a.id === "friction") {
      if (state.lastRoute) field("f-process").value = state.lastRoute;
      $("friction-section").scrollIntoView({ behavior: "smooth" });
      $("f-step").focus();
      return;
    }
    if (a.id === "report" && audience() === "agent") {
      $("report-section").scrollIntoView({ behavior: "smooth" });
      loadReport();
      return;
    }
    sendTurn({ action: { id: a.id, value: a.value } }, a.label);
  }

  /** @param {Reply} reply */
  function renderReply(reply) {
    const prefix = `m${++state.msgCount}`;
    const sourceNs = new Set((reply.sources || []).map((s) => s.n));
    const art = el("article", { class: `msg bot${reply.type === "error" ? " error" : ""}`, "data-type": reply.type });
    art.append(el("p", { class: "who" }, "Relais ESS"));
    if (reply.refused) art.append(el("p", { class: "refused" }, "Pas de réponse fiable dans les sources."));
    const elig = renderEligibility(reply.eligibility);
    if (elig) {
      // The verdicts come first; the core's full explanation stays one click away.
      art.append(elig, el("details", { class: "explain" }, el("summary", {}, "Explication détaillée"), richText(reply.text, prefix, sourceNs)));
    } else art.append(richText(reply.text, prefix, sourceNs));
    const src = renderSources(reply.sources, prefix);
    if (src) art.append(src);
    const route = renderRoute(reply.route);
    if (route) art.append(route);
    if (reply.handoff) art.append(el("p", { class: "hint" }, `Référence de la demande : ${String(reply.handoff.id).slice(0, 8)}`));
    if (reply.prompt && reply.prompt.options && reply.prompt.options.length) {
      const row = el("div", { class: "actions", role: "group", "aria-label": "Réponses possibles" });
      for (const opt of reply.prompt.options) {
        const b = el("button", { type: "button", class: "secondary" }, opt.label);
        b.addEventListener("click", () => sendTurn({ text: opt.label }, opt.label));
        row.append(b);
      }
      art.append(row);
    }
    if (reply.followUps && reply.followUps.length) {
      const row = el("div", { class: "actions", role: "group", "aria-label": "Questions liées" });
      for (const q of reply.followUps) {
        const b = el("button", { type: "button", class: "secondary" }, q);
        b.addEventListener("click", () => sendTurn({ text: q }, q));
        row.append(b);
      }
      art.append(el("h3", {}, "Pour aller plus loin"), row);
    }
    renderActions(reply, art);
    return art;
  }

  /** @param {string} text */
  function appendUser(text) {
    const log = $("log");
    log.append(el("article", { class: "msg user" }, el("p", { class: "who" }, "Vous"), el("p", {}, text)));
    log.scrollTop = log.scrollHeight;
  }

  /**
   * A new answer is read from its start: scrolled to the top of the conversation, and into view.
   * @param {HTMLElement} node
   */
  function appendBot(node) {
    const log = $("log");
    log.append(node);
    log.scrollTop = Math.max(0, node.offsetTop - 8);
    const top = node.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 48) window.scrollBy({ top: top - 8 });
  }

  // ------------------------------------------------------------------ field errors
  /**
   * Shows a French message under a field, tied to it (aria-invalid, aria-describedby).
   * @param {HTMLElement} input
   * @param {string} message
   */
  function setFieldError(input, message) {
    const id = `${input.id}-error`;
    let p = document.getElementById(id);
    if (!p) {
      p = el("p", { class: "field-error", id });
      (input.closest(".field") || input.parentElement || input).append(p);
    }
    p.textContent = message;
    p.hidden = false;
    input.setAttribute("aria-invalid", "true");
    const ids = new Set((input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean));
    ids.add(id);
    input.setAttribute("aria-describedby", [...ids].join(" "));
  }

  /** @param {HTMLFormElement} form */
  function clearFieldErrors(form) {
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      const id = `${input.id}-error`;
      const p = document.getElementById(id);
      if (p) p.remove();
      const rest = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter((x) => x && x !== id);
      if (rest.length) input.setAttribute("aria-describedby", rest.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  }

  /**
   * Every field error of a form; the first invalid field gets the focus. Returns how many were shown.
   * @param {HTMLFormElement} form
   * @param {Record<string, string> | null} fields
   */
  function showFieldErrors(form, fields) {
    /** @type {HTMLElement | null} */
    let first = null;
    let count = 0;
    for (const [name, message] of Object.entries(fields || {})) {
      const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
      if (!(input instanceof HTMLElement)) continue;
      setFieldError(input, String(message));
      count++;
      if (!first) first = input;
    }
    if (first) first.focus();
    return count;
  }

  /**
   * The result of a form: its field errors next to the fields, or the error as a message.
   * @param {HTMLFormElement} form
   * @param {HTMLElement} target
   * @param {unknown} err
   */
  function formError(form, target, err) {
    if (err instanceof ApiError && err.fields && showFieldErrors(form, err.fields)) {
      const n = Object.keys(err.fields).length;
      showResult(
        target,
        el(
          "p",
          { class: "form-error", role: "alert" },
          `Le formulaire contient ${n} erreur${n > 1 ? "s" : ""} : corrigez ${n > 1 ? "les champs signalés" : "le champ signalé"}.`,
        ),
      );
      return;
    }
    showResult(target, errorNode(err));
  }

  /** @param {unknown} err */
  function errorNode(err) {
    const details = err instanceof ApiError ? err.details : [];
    return el(
      "article",
      { class: "msg bot error", "data-type": "error" },
      el("p", { class: "who" }, "Relais ESS"),
      el("p", {}, messageOf(err)),
      details.length
        ? el(
            "ul",
            {},
            details.map((d) => el("li", {}, d)),
          )
        : null,
    );
  }

  /**
   * @param {Record<string, unknown>} payload
   * @param {string} [shown] what the person sees as their message
   */
  async function sendTurn(payload, shown) {
    if (shown) appendUser(shown);
    $("ask-status").textContent = "Recherche en cours…";
    try {
      const reply = await turn(payload);
      appendBot(renderReply(reply));
    } catch (err) {
      appendBot(errorNode(err));
    } finally {
      $("ask-status").textContent = "";
    }
  }

  // ------------------------------------------------------------------ forms
  /**
   * @param {HTMLSelectElement} select
   * @param {Option[]} options
   * @param {string} [placeholder]
   */
  function optionList(select, options, placeholder) {
    select.replaceChildren();
    if (placeholder !== undefined) select.append(el("option", { value: "" }, placeholder));
    for (const o of options) select.append(el("option", { value: o.value }, o.label));
  }

  /** @param {FactQuestion[]} facts */
  function buildFactsForm(facts) {
    const box = $("facts-fields");
    box.replaceChildren();
    for (const f of facts) {
      const id = `fact-${f.fact}`;
      /** @type {HTMLSelectElement | HTMLInputElement} */
      let input;
      if (f.options && f.options.length) {
        input = el("select", { id, name: f.fact });
        optionList(input, f.options, "Non renseigné");
      } else if (f.type === "integer" || f.type === "number") {
        input = el("input", { id, name: f.fact, type: "number", min: "0", step: f.type === "integer" ? "1" : "any", inputmode: "decimal" });
      } else {
        input = el("input", { id, name: f.fact, type: "text", maxlength: "200", autocomplete: "off" });
      }
      const label = el("label", { for: id }, f.label.charAt(0).toUpperCase() + f.label.slice(1));
      const qid = `${id}-q`;
      input.setAttribute("aria-describedby", qid);
      box.append(el("div", { class: "field" }, label, el("span", { class: "q", id: qid }, f.question), input));
    }
  }

  /**
   * A select of the page.
   * @param {string} id
   * @returns {HTMLSelectElement}
   */
  function select(id) {
    const node = $(id);
    if (node instanceof HTMLSelectElement) return node;
    throw new Error(`#${id} n'est pas une liste de choix.`);
  }

  /** @param {FrictionVocabulary} fr */
  function buildFrictionForm(fr) {
    optionList(select("f-step"), fr.steps, "Choisissez une étape");
    optionList(select("f-blocker"), fr.blockers, "Choisissez un type de blocage");
    optionList(select("f-process"), fr.processes, "Choisissez un dispositif");
    optionList(select("f-severity"), fr.severities, "Choisissez une gravité");
  }

  /**
   * @param {HTMLElement} target
   * @param {Node} node
   */
  function showResult(target, node) {
    target.replaceChildren(node);
  }

  /** @param {SubmitEvent} ev */
  async function onEligibility(ev) {
    ev.preventDefault();
    /** @type {Record<string, string>} */
    const values = {};
    for (const input of $("facts-fields").querySelectorAll("select, input")) {
      if (!(input instanceof HTMLSelectElement || input instanceof HTMLInputElement)) continue;
      const v = input.value.trim();
      if (v !== "") values[input.name] = v;
    }
    const out = $("eligibility-result");
    clearFieldErrors(form("eligibility-form"));
    out.replaceChildren(el("p", { class: "status" }, "Vérification en cours…"));
    try {
      showResult(out, renderReply(await turn({ form: { kind: "eligibility", values } })));
    } catch (err) {
      formError(form("eligibility-form"), out, err);
    }
  }

  /** @param {SubmitEvent} ev */
  async function onFriction(ev) {
    ev.preventDefault();
    const friction = form("friction-form");
    /** @param {string} name */
    const value = (name) => {
      const input = friction.elements.namedItem(name);
      return input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement ? input.value : "";
    };
    const contactOk = friction.elements.namedItem("contactOk");
    const values = {
      step: value("step"),
      blocker: value("blocker"),
      process: value("process"),
      commune: value("commune").trim(),
      description: value("description").trim(),
      severity: value("severity") ? Number(value("severity")) : "",
      contactOk: contactOk instanceof HTMLInputElement && contactOk.checked,
    };
    const out = $("friction-result");
    clearFieldErrors(friction);
    out.replaceChildren(el("p", { class: "status" }, "Envoi en cours…"));
    try {
      const reply = await turn({ form: { kind: "friction", values } });
      showResult(out, renderReply(reply));
      if (reply.type === "friction") friction.reset();
    } catch (err) {
      formError(friction, out, err);
    }
  }

  // ------------------------------------------------------------------ report
  /**
   * @param {string} caption
   * @param {CountRow[] | undefined} rows
   */
  function countTable(caption, rows) {
    if (!rows || !rows.length) return null;
    return el(
      "table",
      {},
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Libellé"), el("th", { scope: "col" }, "Nombre"))),
      el(
        "tbody",
        {},
        rows.map((r) => el("tr", {}, el("td", {}, r.label), el("td", {}, String(r.count)))),
      ),
    );
  }

  /**
   * @param {ActivityReport} r
   * @param {number} days
   */
  function renderReport(r, days) {
    const votes = r.ratings.up + r.ratings.down;
    /** @param {number | null | undefined} x */
    const pct = (x) => (x === null || x === undefined ? "pas encore d'avis" : `${Math.round(x * 100)} % (${r.ratings.up} sur ${votes} avis)`);
    /** @type {[string, number | string][]} */
    const figures = [
      ["Questions", r.interactions],
      ["Réponses données", r.answered],
      ["Questions sans réponse fiable", r.refused],
      ["Avis « utile »", r.ratings.up],
      ["Avis « pas utile »", r.ratings.down],
      ["Satisfaction", pct(r.ratings.satisfactionRate)],
      ["Difficultés signalées", r.frictions],
      ["Demandes transmises", typeof r.handoffs === "object" ? r.handoffs.count : r.handoffs],
      ["Demandes encore ouvertes", r.openHandoffs],
    ];
    const dl = el("dl", { class: "figures" });
    for (const [k, v] of figures) dl.append(el("dt", {}, k), el("dd", {}, String(v)));
    const unanswered = (r.topUnanswered || []).map((u) => el("li", {}, `${u.question} (${u.count})`));
    const handoffs = (r.openHandoffList || []).map((h) => el("li", {}, `${h.processLabel} — ${h.summary.slice(0, 200)} (${h.ageDays} j)`));
    return el(
      "div",
      { class: "report" },
      el("h3", {}, r.title),
      dl,
      el(
        "p",
        {},
        el(
          "a",
          { href: `/api/report?days=${encodeURIComponent(days)}&format=html`, target: "_blank", rel: "noopener" },
          "Ouvrir le rapport complet (tableaux, graphiques, détail des signalements et des avis)",
        ),
      ),
      countTable("Questions par dispositif", r.volumes.byRoute),
      countTable("Difficultés par étape", r.friction.byStep),
      countTable("Difficultés par type de blocage", r.friction.byBlocker),
      unanswered.length ? el("div", {}, el("h3", {}, "Questions restées sans réponse"), el("ul", {}, unanswered)) : null,
      handoffs.length ? el("div", {}, el("h3", {}, "Demandes ouvertes"), el("ul", {}, handoffs)) : null,
    );
  }

  /** @param {Event} [ev] */
  async function loadReport(ev) {
    if (ev) ev.preventDefault();
    const out = $("report");
    const days = Number(field("report-days").value) || 30;
    out.replaceChildren(el("p", { class: "status" }, "Chargement du rapport…"));
    try {
      showResult(out, renderReport(await api("GET", `/api/report?days=${encodeURIComponent(days)}`), days));
    } catch (err) {
      showResult(out, errorNode(err));
    }
  }

  // ------------------------------------------------------------------ wiring
  function onAudience() {
    $("report-section").hidden = audience() !== "agent";
  }

  async function init() {
    const question = field("question");
    form("ask-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const q = question.value.trim();
      clearFieldErrors(form("ask-form"));
      if (!q) {
        setFieldError(question, "Écrivez une question avant d'envoyer.");
        question.focus();
        return;
      }
      question.value = "";
      sendTurn({ text: q }, q);
    });
    question.addEventListener("keydown", (ev) => {
      if (ev instanceof KeyboardEvent && ev.key === "Enter" && !ev.shiftKey) {
        ev.preventDefault();
        form("ask-form").requestSubmit();
      }
    });
    $("new-conversation").addEventListener("click", () => {
      state.conversationId = newConversationId();
      $("log").replaceChildren(el("p", { class: "hint" }, "Nouvelle conversation. Posez votre question."));
      question.focus();
    });
    $("audience").addEventListener("change", onAudience);
    form("eligibility-form").addEventListener("submit", onEligibility);
    form("friction-form").addEventListener("submit", onFriction);
    form("report-form").addEventListener("submit", loadReport);
    onAudience();
    try {
      /** @type {Vocabulary} */
      const vocab = await api("GET", "/api/vocabulary");
      state.vocab = vocab;
      buildFactsForm(vocab.facts);
      buildFrictionForm(vocab.friction);
      document.body.dataset.ready = "true";
    } catch (err) {
      $("facts-fields").replaceChildren(el("p", {}, `Le formulaire n'a pas pu être chargé : ${messageOf(err)}`));
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

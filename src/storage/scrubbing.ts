/**
 * Defence in depth: a Storage wrapper that scrubs personal data (src/privacy)
 * from every user-written text before it reaches the backend — questions,
 * rating comments, friction descriptions and communes, handoff summaries and
 * questions, unanswered questions. Answers are NOT scrubbed: they are written by
 * the assistant from the sources and may carry public contacts of structures;
 * nor are an agent's handoff answers (written by the team for the person) and the
 * handoff contacts (given with consent, kept in their own table).
 * Scrubbing is idempotent, so text the core already scrubbed is unchanged.
 */
import type { Storage } from "./types.js";
import { scrub } from "../privacy/scrub.js";

export function withScrubbing(inner: Storage): Storage {
  const wrapper: Storage = Object.create(inner) as Storage;
  return Object.assign(wrapper, {
    kind: inner.kind,
    migrate: () => inner.migrate(),
    ping: () => inner.ping(),
    close: () => inner.close(),
    getState: <T>(key: string) => inner.getState<T>(key),
    setState: (key: string, state: unknown) => inner.setState(key, state),
    deleteState: (key: string) => inner.deleteState(key),
    claimEvent: (key: string) => inner.claimEvent(key),
    recordInteraction: (rec) => inner.recordInteraction({ ...rec, question: scrub(rec.question) }),
    getInteraction: (id) => inner.getInteraction(id),
    linkMessage: (c, m, i) => inner.linkMessage(c, m, i),
    findInteractionByMessage: (c, m) => inner.findInteractionByMessage(c, m),
    upsertRating: (rec) => inner.upsertRating(rec.comment === undefined ? rec : { ...rec, comment: scrub(rec.comment) }),
    recordRating: (rec) => inner.recordRating(rec.comment === undefined ? rec : { ...rec, comment: scrub(rec.comment) }),
    recordFriction: (rec) => inner.recordFriction({ ...rec, description: scrub(rec.description), commune: scrub(rec.commune) }),
    recordUnanswered: (rec) => inner.recordUnanswered({ ...rec, question: scrub(rec.question) }),
    createHandoff: (rec) =>
      inner.createHandoff({
        ...rec,
        summary: scrub(rec.summary),
        ...(rec.question !== undefined ? { question: scrub(rec.question) } : {}),
      }),
    resolveHandoff: (id) => inner.resolveHandoff(id),
    getHandoff: (id) => inner.getHandoff(id),
    listHandoffs: (status) => inner.listHandoffs(status),
    answerHandoff: (id, reply) => inner.answerHandoff(id, reply),
    markHandoffDelivered: (id) => inner.markHandoffDelivered(id),
    setHandoffContact: (id, kind, value) => inner.setHandoffContact(id, kind, value),
    getHandoffContacts: (id) => inner.getHandoffContacts(id),
    saveChannelRef: (key, ref) => inner.saveChannelRef(key, ref),
    getChannelRef: <T>(key: string) => inner.getChannelRef<T>(key),
    purge: (before) => inner.purge(before),
    forgetUser: (h, ids) => inner.forgetUser(h, ids),
    reportData: (q) => inner.reportData(q),
  } satisfies Omit<Storage, "kind"> & { kind: Storage["kind"] });
}

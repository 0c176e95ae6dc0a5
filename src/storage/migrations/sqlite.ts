import type { Migration } from "./index.js";

/** SQLite: timestamps are ISO-8601 UTC strings (`toISOString()`), so text order is time order. */
export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
CREATE TABLE state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE events (
  key TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);
CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  channel TEXT NOT NULL,
  audience TEXT NOT NULL,
  user_hash TEXT NOT NULL,
  conversation_key TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  sources TEXT NOT NULL DEFAULT '[]',
  route TEXT,
  refused INTEGER NOT NULL DEFAULT 0,
  latency_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX interactions_created_at ON interactions (created_at);
CREATE INDEX interactions_user_hash ON interactions (user_hash);
CREATE TABLE message_links (
  channel TEXT NOT NULL,
  message_id TEXT NOT NULL,
  interaction_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (channel, message_id)
);
CREATE INDEX message_links_interaction ON message_links (interaction_id);
CREATE TABLE ratings (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  interaction_id TEXT NOT NULL,
  user_hash TEXT NOT NULL,
  value TEXT NOT NULL CHECK (value IN ('up', 'down')),
  comment TEXT
);
CREATE INDEX ratings_created_at ON ratings (created_at);
CREATE INDEX ratings_user_hash ON ratings (user_hash);
CREATE INDEX ratings_interaction ON ratings (interaction_id);
CREATE TABLE frictions (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  user_hash TEXT NOT NULL,
  channel TEXT NOT NULL,
  step TEXT NOT NULL,
  blocker TEXT NOT NULL,
  process TEXT NOT NULL,
  commune TEXT NOT NULL,
  commune_code TEXT,
  epci TEXT,
  description TEXT NOT NULL,
  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
  contact_ok INTEGER NOT NULL
);
CREATE INDEX frictions_created_at ON frictions (created_at);
CREATE INDEX frictions_user_hash ON frictions (user_hash);
CREATE TABLE handoffs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  resolved_at TEXT,
  process TEXT NOT NULL,
  user_hash TEXT NOT NULL,
  channel TEXT NOT NULL,
  conversation_key TEXT NOT NULL,
  summary TEXT NOT NULL,
  question TEXT,
  facts TEXT NOT NULL DEFAULT '{}',
  sources TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX handoffs_created_at ON handoffs (created_at);
CREATE INDEX handoffs_status ON handoffs (status);
CREATE INDEX handoffs_user_hash ON handoffs (user_hash);
CREATE TABLE unanswered (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  interaction_id TEXT,
  question TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('refused', 'rated-down')),
  user_hash TEXT NOT NULL
);
CREATE INDEX unanswered_created_at ON unanswered (created_at);
CREATE INDEX unanswered_user_hash ON unanswered (user_hash);
CREATE TABLE channel_refs (
  key TEXT PRIMARY KEY,
  ref TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: "one rating per person per interaction",
    // Earlier duplicates keep their latest vote, as the upsert does from now on.
    sql: `
DELETE FROM ratings WHERE id IN (
  SELECT id FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY interaction_id, user_hash ORDER BY created_at DESC, id DESC) AS rn FROM ratings
  ) ranked WHERE rn > 1
);
CREATE UNIQUE INDEX ratings_interaction_user ON ratings (interaction_id, user_hash);
`,
  },
  {
    version: 3,
    name: "handoff answers and handoff contacts",
    // Contacts live in their own table so no report or analytics query ever reads them.
    sql: `
ALTER TABLE handoffs ADD COLUMN reply_via TEXT;
ALTER TABLE handoffs ADD COLUMN reply_text TEXT;
ALTER TABLE handoffs ADD COLUMN reply_agent TEXT;
ALTER TABLE handoffs ADD COLUMN replied_at TEXT;
ALTER TABLE handoffs ADD COLUMN reply_delivered_at TEXT;
CREATE TABLE handoff_contacts (
  handoff_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('origin', 'email', 'phone')),
  value TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (handoff_id, kind)
);
CREATE INDEX handoff_contacts_created_at ON handoff_contacts (created_at);
`,
  },
];

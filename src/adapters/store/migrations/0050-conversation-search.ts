/**
 * Full-text search over conversations (the inbox search): a GIN index over every message's words
 * (English stems, so "refunds" finds "refund") and over each customer's name and e-mail (no stems:
 * names are not English words). Punctuation becomes spaces first, so an order number such as
 * A-1042 or an address such as maya.chen@acme.test is found by any of its parts.
 * The two functions are what the store's queries call, so the index and the queries cannot drift.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0050-conversation-search';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`CREATE FUNCTION baton_message_words(body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('english'::regconfig, regexp_replace(body, '[^[:alnum:]]+', ' ', 'g')) $$`.execute(
    db,
  );
  await sql`CREATE FUNCTION baton_customer_words(name text, email text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('simple'::regconfig,
      regexp_replace(coalesce(name, '') || ' ' || coalesce(email, ''), '[^[:alnum:]]+', ' ', 'g')) $$`.execute(
    db,
  );
  await sql`CREATE INDEX messages_words ON messages USING gin (baton_message_words(body))`.execute(db);
  await sql`CREATE INDEX customers_words ON customers USING gin (baton_customer_words(name, email))`.execute(
    db,
  );
  // Filters by date and category without a scan of the workspace's every conversation.
  await sql`CREATE INDEX conversations_workspace_created ON conversations (workspace_id, created_at)`.execute(
    db,
  );
};

/**
 * Holds on open conversations (src/core/conversation/hold.ts): snoozed until a time, or waiting on
 * the customer. A customer's message ends either hold in its own transaction (the trigger below),
 * with a `hold_ended` event, so no code path that stores a customer message can forget it.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0052-conversation-holds';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`ALTER TABLE conversations
    ADD COLUMN snoozed_until timestamptz,
    ADD COLUMN waiting_on_customer boolean NOT NULL DEFAULT false`.execute(db);
  // The sweep reads only the snoozed rows whose time has come.
  await sql`CREATE INDEX conversations_snoozed_until ON conversations (snoozed_until)
    WHERE snoozed_until IS NOT NULL`.execute(db);
  await sql`CREATE FUNCTION baton_end_hold_on_customer_message() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
      held record;
    BEGIN
      SELECT workspace_id, waiting_on_customer, snoozed_until INTO held
        FROM conversations WHERE id = NEW.conversation_id FOR UPDATE;
      IF held IS NULL OR (NOT held.waiting_on_customer AND held.snoozed_until IS NULL) THEN
        RETURN NEW;
      END IF;
      UPDATE conversations SET waiting_on_customer = false, snoozed_until = NULL
        WHERE id = NEW.conversation_id;
      INSERT INTO conversation_events (conversation_id, workspace_id, type, actor, data, at)
        VALUES (
          NEW.conversation_id,
          held.workspace_id,
          'hold_ended',
          jsonb_build_object('kind', 'system'),
          jsonb_build_object(
            'kind', CASE WHEN held.waiting_on_customer THEN 'waiting_on_customer' ELSE 'snoozed' END,
            'reason', 'customer_replied'
          ),
          NEW.created_at
        );
      RETURN NEW;
    END;
    $$`.execute(db);
  await sql`CREATE TRIGGER messages_end_hold AFTER INSERT ON messages
    FOR EACH ROW WHEN (NEW.author = 'customer')
    EXECUTE FUNCTION baton_end_hold_on_customer_message()`.execute(db);
};

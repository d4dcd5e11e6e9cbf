/**
 * The hold trigger (0052) locks the conversation FOR NO KEY UPDATE, as the customer-message
 * statement does, instead of FOR UPDATE. FOR UPDATE also excludes the facts refresher's
 * foreign-key check (KEY SHARE) on the conversation, so a refresher holding the conversation's
 * stale mark and a customer message whose event waits for that mark deadlocked: one of them failed,
 * and with it the customer's send (two processes on one database showed it under load).
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0072-hold-trigger-lock';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`CREATE OR REPLACE FUNCTION baton_end_hold_on_customer_message() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
      held record;
    BEGIN
      SELECT workspace_id, waiting_on_customer, snoozed_until INTO held
        FROM conversations WHERE id = NEW.conversation_id FOR NO KEY UPDATE;
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
};

/**
 * Change notices for the per-process caches of what a turn reads (issue 9, "caches by version"):
 * the database itself announces, at commit, every change to a workspace's policy, settings,
 * knowledge and confirmed categories on the `baton_changes` channel. Triggers rather than
 * application code, so every writer (another server process, `baton import`, a script) is heard
 * and a rolled-back write announces nothing. PostgreSQL folds identical notices of one
 * transaction into one, so a bulk article import costs one notice per transaction.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0070-change-notices';

const statements = [
  sql`CREATE OR REPLACE FUNCTION baton_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed jsonb;
      notice jsonb;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        changed := to_jsonb(OLD);
      ELSE
        changed := to_jsonb(NEW);
      END IF;
      notice := jsonb_build_object('kind', TG_ARGV[0], 'workspaceId', changed->>'workspace_id');
      IF TG_ARGV[0] = 'setting' THEN
        notice := notice || jsonb_build_object('key', changed->>'key');
      ELSIF TG_ARGV[0] = 'category_confirmed' THEN
        notice := notice || jsonb_build_object('conversationId', changed->>'conversation_id');
      END IF;
      PERFORM pg_notify('baton_changes', notice::text);
      RETURN NULL;
    END
  $$`,
  sql`CREATE TRIGGER policy_versions_notify AFTER INSERT ON policy_versions
    FOR EACH ROW EXECUTE FUNCTION baton_notify_change('policy')`,
  sql`CREATE TRIGGER workspace_settings_notify AFTER INSERT ON workspace_settings
    FOR EACH ROW EXECUTE FUNCTION baton_notify_change('setting')`,
  sql`CREATE TRIGGER articles_notify AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION baton_notify_change('knowledge')`,
  sql`CREATE TRIGGER conversation_events_category_confirmed_notify AFTER INSERT ON conversation_events
    FOR EACH ROW WHEN (NEW.type = 'category_confirmed')
    EXECUTE FUNCTION baton_notify_change('category_confirmed')`,
  // The labelled history is read as "the latest confirmation per conversation": this index serves
  // that read without touching the workspace's other events.
  sql`CREATE INDEX conversation_events_category_confirmed
    ON conversation_events (workspace_id, conversation_id, seq) WHERE type = 'category_confirmed'`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};

/**
 * Marks what the demo seeded (issue 10): a real company's install never shows the demo's accounts,
 * and the UI labels demo accounts as such. Existing rows are real unless they are the demo's.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0010-demo-marks';

const statements = [
  sql`ALTER TABLE workspaces ADD COLUMN is_demo boolean NOT NULL DEFAULT false`,
  sql`ALTER TABLE agents ADD COLUMN is_demo boolean NOT NULL DEFAULT false`,
  // Databases seeded before this migration hold the demo under its fixed slug and addresses.
  sql`UPDATE workspaces SET is_demo = true WHERE slug = 'acme' AND name = 'Acme'`,
  sql`UPDATE agents SET is_demo = true
      WHERE workspace_id IN (SELECT id FROM workspaces WHERE is_demo) AND email LIKE '%@acme.test'`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};

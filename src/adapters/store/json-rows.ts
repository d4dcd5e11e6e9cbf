/**
 * Rows read back as JSON (`to_jsonb(row)`), for statements that return several tables' rows at
 * once: timestamps arrive as ISO text and become Dates again, then the usual mappers apply.
 */
import type { Conversation, Customer, Message } from '../../core/model.ts';
import { toConversation, toCustomer, toMessage } from './mappers.ts';
import { isRecord } from './row-values.ts';

const corrupt = (what: string, value: unknown): Error =>
  new Error(`unexpected ${what} in a JSON row: ${JSON.stringify(value)}`);

const text = (row: Record<string, unknown>, key: string): string => {
  const value = row[key];
  if (typeof value !== 'string') throw corrupt(key, value);
  return value;
};

const textOrNull = (row: Record<string, unknown>, key: string): string | null =>
  row[key] === null || row[key] === undefined ? null : text(row, key);

const integer = (row: Record<string, unknown>, key: string): number => {
  const value = row[key];
  if (typeof value !== 'number') throw corrupt(key, value);
  return value;
};

const time = (row: Record<string, unknown>, key: string): Date => {
  const at = new Date(text(row, key));
  if (Number.isNaN(at.getTime())) throw corrupt(key, row[key]);
  return at;
};

const timeOrNull = (row: Record<string, unknown>, key: string): Date | null =>
  row[key] === null || row[key] === undefined ? null : time(row, key);

const recordOfJson = (value: unknown, what: string): Record<string, unknown> => {
  if (!isRecord(value)) throw corrupt(what, value);
  return value;
};

export const conversationFromJson = (value: unknown): Conversation => {
  const row = recordOfJson(value, 'conversation');
  return toConversation({
    id: text(row, 'id'),
    workspace_id: text(row, 'workspace_id'),
    customer_id: text(row, 'customer_id'),
    state: text(row, 'state'),
    team_key: textOrNull(row, 'team_key'),
    assignee_id: textOrNull(row, 'assignee_id'),
    category: textOrNull(row, 'category'),
    priority: integer(row, 'priority'),
    resolution: textOrNull(row, 'resolution'),
    subject: textOrNull(row, 'subject'),
    created_at: time(row, 'created_at'),
    updated_at: time(row, 'updated_at'),
    last_message_at: timeOrNull(row, 'last_message_at'),
    version: integer(row, 'version'),
    queued_at: timeOrNull(row, 'queued_at'),
    last_customer_message_id: textOrNull(row, 'last_customer_message_id'),
    snoozed_until: timeOrNull(row, 'snoozed_until'),
    waiting_on_customer: row.waiting_on_customer === true,
  });
};

export const customerFromJson = (value: unknown): Customer => {
  const row = recordOfJson(value, 'customer');
  return toCustomer({
    id: text(row, 'id'),
    workspace_id: text(row, 'workspace_id'),
    external_id: textOrNull(row, 'external_id'),
    name: textOrNull(row, 'name'),
    email: textOrNull(row, 'email'),
    profile: row.profile,
    created_at: time(row, 'created_at'),
  });
};

export const messageFromJson = (value: unknown): Message => {
  const row = recordOfJson(value, 'message');
  return toMessage({
    id: text(row, 'id'),
    seq: String(row.seq),
    conversation_id: text(row, 'conversation_id'),
    author: text(row, 'author'),
    author_id: textOrNull(row, 'author_id'),
    kind: text(row, 'kind'),
    body: text(row, 'body'),
    citations: row.citations,
    idempotency_key: textOrNull(row, 'idempotency_key'),
    created_at: time(row, 'created_at'),
  });
};

/** `null` stays null; anything else must be a row. */
export const optional = <T>(value: unknown, map: (value: unknown) => T): T | null =>
  value === null || value === undefined ? null : map(value);

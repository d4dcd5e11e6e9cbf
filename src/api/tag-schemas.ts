/** Conversation tags: the workspace's tags with counts, and a tag name in a path or query. */
import { z } from 'zod';
import { readTagName } from '../core/tags/tag-name.ts';

/** A tag name as typed; normalised (trimmed, lower-case) or refused with what to change. */
export const tagNameSchema = z
  .string()
  .max(200)
  .transform((raw, ctx) => {
    const reading = readTagName(raw);
    if (reading.kind === 'valid') return reading.name;
    ctx.addIssue({ code: 'custom', message: reading.reason });
    return z.NEVER;
  });

export const workspaceTagSchema = z.object({
  name: z.string(),
  colour: z.string().nullable(),
  /** How many conversations carry it now. */
  conversations: z.number().int(),
});
export type WorkspaceTagView = z.infer<typeof workspaceTagSchema>;

export const workspaceTagsResponseSchema = z.object({ tags: z.array(workspaceTagSchema) });

/** An agent tagged a conversation or took a tag off (src/core/tags): who is the event's actor. */
import { z } from 'zod';
import { MAX_TAG_NAME_LENGTH } from '../tags/tag-name.ts';

const tagName = z.string().min(1).max(MAX_TAG_NAME_LENGTH);

export const tagAddedSchema = z.strictObject({ name: tagName });
export const tagRemovedSchema = z.strictObject({ name: tagName });

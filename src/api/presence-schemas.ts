/** Collision detection: a person says they are viewing a conversation, or left it. */
import { z } from 'zod';

export const presenceRequestSchema = z.object({ activity: z.enum(['viewing', 'left']) }).strict();

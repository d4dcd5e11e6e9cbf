/** The calibration view's response (SPEC §8), shared by the server and the web app. */
import { z } from 'zod';

const reliabilityBinSchema = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number(),
  meanScore: z.number().nullable(),
  observed: z.number().nullable(),
});

export const calibrationViewSchema = z.object({
  /** Judged AI answers the fit used (reviewers' labels over agents' flags, one per conversation). */
  outcomes: z.number(),
  categories: z.array(
    z.object({
      category: z.string(),
      labels: z.number(),
      status: z.enum(['calibrated', 'raw']),
      note: z.string(),
      model: z.enum(['raw', 'isotonic', 'platt']),
      before: z.object({ ece: z.number(), curve: z.array(reliabilityBinSchema) }),
      after: z.object({ ece: z.number(), curve: z.array(reliabilityBinSchema) }),
    }),
  ),
});
export type CalibrationView = z.infer<typeof calibrationViewSchema>;

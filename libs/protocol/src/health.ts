import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgresql']),
  version: z.string(),
  uptimeSeconds: z.number(),
  redis: z.enum(['connected', 'disabled', 'error']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

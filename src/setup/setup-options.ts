import { z } from 'zod';

/** What `tally setup` may do beyond checking (CLI flags, setup-check job payloads). */
export const SetupOptionsSchema = z.object({
  createProducts: z
    .boolean()
    .default(false)
    .describe(
      'Create the hourly and prepaid-pack products and the agreement partner tags the config names when missing. Default: false.',
    ),
  dryRun: z
    .boolean()
    .default(false)
    .describe('Check and report what would be created, writing nothing to Odoo. Default: false.'),
});

export type SetupOptions = z.infer<typeof SetupOptionsSchema>;

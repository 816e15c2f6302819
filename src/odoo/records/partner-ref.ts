/** res.partner by internal reference (`ref`), e.g. "K1042", as static agreements name customers. */
import { z } from 'zod';
import { optionalText } from './odoo-values';

export const PartnerRefSchema = z.object({
  id: z.number().int().positive(),
  ref: optionalText,
});

export type PartnerRef = z.infer<typeof PartnerRefSchema>;

export const PARTNER_REF_FIELDS = ['ref'] as const;

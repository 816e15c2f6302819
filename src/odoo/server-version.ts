/**
 * Reading the server's version from the answers of `common.version`, `/web/webclient/version_info`
 * (both 16-19) and `GET /web/version` (19 only), odoo-verified.md "Odoo 19: the JSON-2 API".
 */
import { z } from 'zod';
import type { ServerVersion } from './transports/transport';

const VersionInfoSchema = z
  .array(z.union([z.number(), z.string()]))
  .min(2)
  .describe('server_version_info, e.g. [17, 0, 0, "final", 0, ""] or ["saas~18", 1, ...]');

/** `common.version` and `/web/webclient/version_info` answers. */
export const CommonVersionSchema = z.object({
  server_version: z.string(),
  server_version_info: VersionInfoSchema,
});

/** `GET /web/version` answer on 19+. */
export const WebVersionSchema = z.object({
  version: z.string(),
  version_info: VersionInfoSchema,
});

function leadingNumber(part: number | string | undefined): number | undefined {
  if (typeof part === 'number') return part;
  const match = /(\d+)/.exec(part ?? '');
  return match === null ? undefined : Number(match[1]);
}

/** Builds a `ServerVersion` from a version_info list and the printed label. */
export function toServerVersion(
  info: readonly (number | string)[],
  label: string,
): ServerVersion | undefined {
  const major = leadingNumber(info[0]);
  const minor = leadingNumber(info[1]) ?? 0;
  if (major === undefined) return undefined;
  return { major, minor, label };
}

/** Parses either answer shape; `undefined` when it is neither. */
export function parseServerVersion(raw: unknown): ServerVersion | undefined {
  const common = CommonVersionSchema.safeParse(raw);
  if (common.success) {
    return toServerVersion(common.data.server_version_info, common.data.server_version);
  }
  const web = WebVersionSchema.safeParse(raw);
  if (web.success) return toServerVersion(web.data.version_info, web.data.version);
  return undefined;
}

/** First major version that serves `/json/2` and deprecates `/jsonrpc` and `/xmlrpc`. */
export const FIRST_JSON2_MAJOR = 19;

import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from './http-exchange';

/**
 * A fetch that does not verify TLS certificates, for the explicit `ODOO_TLS_REJECT_UNAUTHORIZED=false`
 * opt-out only (a self-signed development server). Node's own fetch takes a custom TLS setting only
 * through an undici dispatcher, so the dispatcher and the fetch come from the same undici package.
 */
export function insecureFetch(): FetchLike {
  const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
  return async (input, init) =>
    (await undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as Response;
}

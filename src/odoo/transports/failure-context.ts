import type { ErrorDetails } from '../../shared/errors';
import { SecretScrubber } from '../../shared/redact';
import type { TransportKind } from './transport';

/** Where a failure happened; never carries request arguments (they hold the password). */
export interface FailureContext {
  readonly transport: TransportKind;
  readonly model?: string;
  readonly method?: string;
  /** Replaces the configured secrets in any server text before it is kept. */
  readonly redact: (text: string) => string;
  /** The server as the user configured it (ODOO_URL without any user:password), for messages. */
  readonly server?: string;
}

/** ODOO_URL as it may be printed: scheme, host, port and path, never a user or password in it. */
export function printableServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return 'ODOO_URL';
  }
}

/** Longest server message kept on an error; tracebacks and long bodies are cut here. */
export const MAX_SERVER_MESSAGE_CHARS = 300;

/** First meaningful line of a server message, redacted and cut to a readable length. */
export function trimServerMessage(text: string, redact: (text: string) => string): string {
  const firstLine =
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? '';
  const safe = redact(firstLine);
  return safe.length > MAX_SERVER_MESSAGE_CHARS
    ? `${safe.slice(0, MAX_SERVER_MESSAGE_CHARS - 1)}…`
    : safe;
}

/** The call site as a short phrase for messages, e.g. "account.move.write". */
export function describeCall(context: FailureContext): string {
  if (context.model !== undefined && context.method !== undefined)
    return `${context.model}.${context.method}`;
  return context.method ?? context.model ?? 'the Odoo call';
}

/** Error details by allow-list: only the keys given, undefined values dropped. */
export function buildDetails(
  context: FailureContext,
  extra: Record<string, string | number | boolean | undefined>,
): ErrorDetails {
  const out: Record<string, string | number | boolean> = { transport: context.transport };
  if (context.model !== undefined) out['model'] = context.model;
  if (context.method !== undefined) out['method'] = context.method;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out;
}

/** A redactor that hides the given secrets wherever they appear in a text. */
export function secretRedactor(...secrets: readonly string[]): (text: string) => string {
  const scrubber = new SecretScrubber();
  for (const secret of secrets) scrubber.add(secret);
  return (text) => scrubber.scrub(text);
}

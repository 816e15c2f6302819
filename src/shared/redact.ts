/**
 * Secrets never reach a log line or an error (style.md rule 9). Two layers: an allow-list of keys
 * that are safe to print, and a scrubber that replaces any registered secret value where it stands
 * as a value in a string (a password echoed back inside an Odoo traceback, a URL, a header).
 */
const SECRET_KEY_PATTERN = /pass(word)?|secret|token|api[_-]?key|authorization|cookie|session/i;

export const REDACTED = '[redacted]';

/**
 * Secrets at least this long are redacted even inside a longer run of letters: no ordinary word
 * contains an API key. Shorter ones (a password such as `admin`) only where they stand alone, so
 * "An administrator" stays readable.
 */
const ANYWHERE_LENGTH = 16;

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for the secret as a value: not glued to letters or digits on a side that is a word. */
function patternOf(secret: string): RegExp {
  const body = escapeRegExp(secret);
  if (secret.length >= ANYWHERE_LENGTH) return new RegExp(body, 'gu');
  const before = WORD_CHAR.test(secret.charAt(0)) ? '(?<![\\p{L}\\p{N}_])' : '';
  const after = WORD_CHAR.test(secret.charAt(secret.length - 1)) ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(`${before}${body}${after}`, 'gu');
}

export class SecretScrubber {
  private readonly secrets = new Map<string, RegExp>();

  /** Registers a value that must never be printed. Short values are ignored to avoid mangling text. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < 4) return;
    // A URL carries the secret percent-encoded (a password with `@` or a space in it).
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      if (!this.secrets.has(form)) this.secrets.set(form, patternOf(form));
    }
  }

  scrub(text: string): string {
    let out = text;
    for (const pattern of this.secrets.values()) out = out.replace(pattern, REDACTED);
    return out;
  }

  /** Deep copy with secret-looking keys replaced and registered secret values scrubbed. */
  scrubValue(value: unknown, depth = 0): unknown {
    if (depth > 8) return '[deep]';
    if (typeof value === 'string') return this.scrub(value);
    if (Array.isArray(value)) return value.map((item) => this.scrubValue(item, depth + 1));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[key] = SECRET_KEY_PATTERN.test(key) ? REDACTED : this.scrubValue(item, depth + 1);
      }
      return out;
    }
    return value;
  }
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}

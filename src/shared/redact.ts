/**
 * Secrets never reach a log line or an error (style.md rule 9). Two layers: an allow-list of keys
 * that are safe to print, and a scrubber that replaces any registered secret value wherever it
 * appears in a string (a password echoed back inside an Odoo traceback, say).
 */
const SECRET_KEY_PATTERN = /pass(word)?|secret|token|api[_-]?key|authorization|cookie|session/i;

export const REDACTED = '[redacted]';

export class SecretScrubber {
  private readonly secrets = new Set<string>();

  /** Registers a value that must never be printed. Short values are ignored to avoid mangling text. */
  add(secret: string | undefined): void {
    if (secret !== undefined && secret.length >= 4) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
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

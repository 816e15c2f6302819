/**
 * Odoo's ticket description is HTML; keyword rules must see the words, not the markup
 * (src/domain/README.md, "Category precedence").
 */

const BLOCK_END = /<\/(p|div|li|h[1-6]|tr|blockquote|pre)\s*>|<br\s*\/?>/gi;
const TAG = /<[^>]*>/g;
const HIDDEN = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return safeCodePoint(Number.parseInt(body.slice(2), 16)) ?? entity;
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10)) ?? entity;
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** Plain text of an HTML fragment: block ends become line breaks, blank runs collapse. */
export function stripHtml(html: string | null): string {
  if (html === null) return '';
  // Raw line breaks in HTML are just spaces; only block ends and <br> break lines.
  const flowed = html.replace(HIDDEN, '').replace(/\s+/g, ' ');
  const text = decodeEntities(flowed.replace(BLOCK_END, '\n').replace(TAG, ''));
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

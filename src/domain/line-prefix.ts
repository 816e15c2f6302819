import { normaliseName } from './category-names';
import { closestLabel } from './closest-label';
import type { Decision } from './decision';
import type { UnknownPrefixProblem } from './problems';
import type { EngineSettings } from './settings';
import type { CategoryKey } from './types';

/**
 * What the `[...]` a timesheet description starts with says. It names a category when it equals a
 * category's label, key or alias (compared as `normaliseName` does). Otherwise it is taken as a
 * category the person meant but mistyped (`unknown`, with the closest label), unless it plainly is
 * no category: text without a letter or of one character (`[ ]`, `[x]`, `[?]`), a reference such
 * as `[HT00031]`, `[#42]` or `[PROJ-7]`, or a text `linePrefixes.ignore` lists (`[WIP]`).
 */
export type LinePrefix =
  | { readonly kind: 'none' }
  | { readonly kind: 'category'; readonly category: CategoryKey }
  | { readonly kind: 'unknown'; readonly prefix: string; readonly suggestion: string | null };

const BRACKETED = /^\s*\[([^\]]*)\]/;
/** Letters, an optional separator, digits: a ticket, task or issue number, not a category. */
const REFERENCE = /^#?\p{L}*[\s_-]?\d+$/u;
const LETTER = /\p{L}/u;

function isPlainText(text: string, ignored: readonly string[]): boolean {
  if (text.length < 2 || !LETTER.test(text) || REFERENCE.test(text)) return true;
  const name = normaliseName(text);
  return ignored.some((entry) => normaliseName(entry) === name);
}

/** Reads the leading `[...]` of a description against the configured category names. */
export function readLinePrefix(
  description: string,
  settings: EngineSettings,
  names: ReadonlyMap<string, CategoryKey>,
): LinePrefix {
  const bracketed = BRACKETED.exec(description)?.[1];
  if (bracketed === undefined) return { kind: 'none' };
  const category = names.get(normaliseName(bracketed));
  if (category !== undefined) return { kind: 'category', category };
  const prefix = bracketed.trim();
  if (isPlainText(prefix, settings.linePrefixes.ignore)) return { kind: 'none' };
  return { kind: 'unknown', prefix, suggestion: closestLabel(prefix, settings.categories) };
}

/** The decisions whose line starts with an unknown `[prefix]`, each with that problem. */
export function unknownPrefixesOf(
  decisions: readonly Decision[],
): { readonly decision: Decision; readonly problem: UnknownPrefixProblem }[] {
  return decisions.flatMap((decision) =>
    decision.problems
      .filter((problem): problem is UnknownPrefixProblem => problem.code === 'LINE_PREFIX_UNKNOWN')
      .map((problem) => ({ decision, problem })),
  );
}

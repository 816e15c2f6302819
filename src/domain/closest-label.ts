import type { CategoryDefinition } from './settings';

/** Letters and digits only, lower-cased: "Bug fix", "bug_fix" and "Bugfix" all become "bugfix". */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Edits that turn `a` into `b`: inserting, deleting or replacing a character, or swapping two
 * neighbours (a swapped pair is one slip of the fingers, not two).
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** One edit per four characters of the longer name, at least one: a typo, not another word. */
function isClose(distance: number, a: string, b: string): boolean {
  return distance <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 4));
}

/**
 * The label of the one category whose label, key or alias is close to `text` (spaces,
 * punctuation and case aside), or null when none is, or when two categories are equally close:
 * a guess between two is no help to the person fixing the line.
 */
export function closestLabel(
  text: string,
  categories: readonly CategoryDefinition[],
): string | null {
  const wanted = squash(text);
  let best: { distance: number; labels: Set<string> } | null = null;
  for (const category of categories) {
    for (const name of [category.label, category.key, ...category.aliases]) {
      const candidate = squash(name);
      const distance = editDistance(wanted, candidate);
      if (!isClose(distance, wanted, candidate)) continue;
      if (best === null || distance < best.distance) {
        best = { distance, labels: new Set([category.label]) };
      } else if (distance === best.distance) best.labels.add(category.label);
    }
  }
  const [only] = best?.labels ?? [];
  return best !== null && best.labels.size === 1 && only !== undefined ? only : null;
}

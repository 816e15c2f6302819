import type { EngineSettings } from './settings';
import type { CategoryKey } from './types';

/** Case-, space-, dash- and underscore-insensitive form of a category name: "Bug_fix" = "bug fix". */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** Maps every normalised label, key and alias to its category. */
export function categoryNameIndex(settings: EngineSettings): ReadonlyMap<string, CategoryKey> {
  const index = new Map<string, CategoryKey>();
  for (const category of settings.categories) {
    for (const name of [category.key, category.label, ...category.aliases]) {
      index.set(normaliseName(name), category.key);
    }
  }
  return index;
}

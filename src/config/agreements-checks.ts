import { normaliseName } from '../domain/categories';
import { decimalToMinorUnits } from '../domain/money';

/**
 * Cross-field checks of the agreements config. They run even when some fields failed their own
 * schema (so every problem is reported at once), hence the defensive reading of `unknown` values.
 */

export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[]; input?: unknown }): void;
}

type Path = (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const entries = (value: unknown): [string, unknown][] =>
  isRecord(value) ? Object.entries(value) : [];
const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown =>
  isRecord(value) ? value[name] : undefined;

function checkMoney(value: unknown, decimals: number, path: Path, sink: IssueSink): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'string' && typeof value !== 'number') return;
  if (decimalToMinorUnits(String(value), decimals) === null || String(value).startsWith('-')) {
    sink.addIssue({
      code: 'custom',
      path,
      message: `"${String(value)}" is not an amount with at most ${decimals} decimals`,
    });
  }
}

function checkPattern(pattern: unknown, path: Path, sink: IssueSink): void {
  if (typeof pattern !== 'string') return;
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    sink.addIssue({
      code: 'custom',
      path,
      message: reason.replace(/^Invalid regular expression: /, 'invalid regular expression '),
    });
  }
}

function checkTiers(config: unknown, categories: Set<string>, sink: IssueSink): void {
  const tiers = new Map(entries(field(config, 'tiers')));
  const alwaysBilled = new Set(items(field(config, 'alwaysBilled')));
  const ranks = new Map<unknown, string>();
  for (const [key, tier] of tiers) {
    const rank = field(tier, 'rank');
    const clash = ranks.get(rank);
    if (clash !== undefined && typeof rank === 'number') {
      sink.addIssue({
        code: 'custom',
        path: ['tiers', key, 'rank'],
        message: `rank ${rank} is also the rank of tier "${clash}"; ranks must be unique`,
      });
    }
    ranks.set(rank, key);
    items(field(tier, 'covers')).forEach((category, index) => {
      const path = ['tiers', key, 'covers', index];
      if (typeof category === 'string' && !categories.has(category)) {
        sink.addIssue({ code: 'custom', path, message: `unknown category "${category}"` });
      } else if (alwaysBilled.has(category)) {
        sink.addIssue({
          code: 'custom',
          path,
          message: `"${String(category)}" is always billed, so no tier can cover it`,
        });
      }
    });
    items(field(tier, 'requires')).forEach((required, index) => {
      const path = ['tiers', key, 'requires', index];
      if (typeof required !== 'string') return;
      if (required === key) {
        sink.addIssue({ code: 'custom', path, message: 'a tier cannot require itself' });
      } else if (!tiers.has(required)) {
        sink.addIssue({ code: 'custom', path, message: `unknown tier "${required}"` });
      } else if (items(field(tiers.get(required), 'requires')).includes(key)) {
        sink.addIssue({
          code: 'custom',
          path,
          message: `tiers "${key}" and "${required}" require each other`,
        });
      }
    });
  }
  const defaultTier = field(config, 'defaultTier');
  if (typeof defaultTier === 'string' && !tiers.has(defaultTier)) {
    sink.addIssue({
      code: 'custom',
      path: ['defaultTier'],
      message: `unknown tier "${defaultTier}"`,
    });
  }
}

function checkCategoryNames(config: unknown, sink: IssueSink): void {
  const owners = new Map<string, string>();
  for (const [key, category] of entries(field(config, 'categories'))) {
    const names: [unknown, Path][] = [
      [key, ['categories', key]],
      [field(category, 'label'), ['categories', key, 'label']],
      ...items(field(category, 'aliases')).map((alias, index): [unknown, Path] => [
        alias,
        ['categories', key, 'aliases', index],
      ]),
    ];
    for (const [name, path] of names) {
      if (typeof name !== 'string') continue;
      const owner = owners.get(normaliseName(name));
      if (owner !== undefined && owner !== key) {
        sink.addIssue({
          code: 'custom',
          path,
          message: `"${name}" already names category "${owner}"; names must be unique`,
        });
      }
      owners.set(normaliseName(name), key);
    }
  }
  items(field(field(config, 'linePrefixes'), 'ignore')).forEach((name, index) => {
    const owner = typeof name === 'string' ? owners.get(normaliseName(name)) : undefined;
    if (owner === undefined) return;
    sink.addIssue({
      code: 'custom',
      path: ['linePrefixes', 'ignore', index],
      message: `"${String(name)}" names category "${owner}", so a line starting with it cannot be ignored`,
    });
  });
}

function checkRules(config: unknown, categories: Set<string>, sink: IssueSink): void {
  const seen = new Map<unknown, number>();
  items(field(config, 'rules')).forEach((rule, index) => {
    const id = field(rule, 'id');
    const first = seen.get(id);
    if (first !== undefined && typeof id === 'string') {
      sink.addIssue({
        code: 'custom',
        path: ['rules', index, 'id'],
        message: `duplicate rule id "${id}" (also rules[${first}])`,
      });
    } else seen.set(id, index);
    const category = field(rule, 'category');
    if (typeof category === 'string' && !categories.has(category)) {
      sink.addIssue({
        code: 'custom',
        path: ['rules', index, 'category'],
        message: `unknown category "${category}"`,
      });
    }
    const when = field(rule, 'when');
    if (isRecord(when) && Object.values(when).every((value) => value === undefined)) {
      sink.addIssue({
        code: 'custom',
        path: ['rules', index, 'when'],
        message: 'a rule needs at least one condition',
      });
    }
    for (const condition of ['keywords', 'lineKeywords']) {
      items(field(when, condition)).forEach((pattern, position) =>
        checkPattern(pattern, ['rules', index, 'when', condition, position], sink),
      );
    }
  });
}

function checkSources(config: unknown, tiers: Set<string>, sink: IssueSink): void {
  const tierSource = field(field(config, 'sources'), 'tier');
  const base = ['sources', 'tier'];
  for (const mapName of ['tags', 'products']) {
    for (const [tier] of entries(field(tierSource, mapName))) {
      if (!tiers.has(tier)) {
        sink.addIssue({
          code: 'custom',
          path: [...base, mapName, tier],
          message: `unknown tier "${tier}"`,
        });
      }
    }
  }
  items(field(tierSource, 'agreements')).forEach((agreement, index) => {
    const tier = field(agreement, 'tier');
    if (typeof tier === 'string' && !tiers.has(tier)) {
      sink.addIssue({
        code: 'custom',
        path: [...base, 'agreements', index, 'tier'],
        message: `unknown tier "${tier}"`,
      });
    }
    const from = field(agreement, 'validFrom');
    const to = field(agreement, 'validTo');
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      sink.addIssue({
        code: 'custom',
        path: [...base, 'agreements', index, 'validTo'],
        message: `ends (${to}) before it starts (${from})`,
      });
    }
  });
}

function checkPacks(config: unknown, sink: IssueSink): void {
  const seen = new Set<unknown>();
  items(field(field(config, 'prepaid'), 'packs')).forEach((pack, index) => {
    const code = field(pack, 'productCode');
    if (seen.has(code)) {
      sink.addIssue({
        code: 'custom',
        path: ['prepaid', 'packs', index, 'productCode'],
        message: `duplicate pack product "${String(code)}"`,
      });
    }
    seen.add(code);
  });
}

/** Adds an issue with its path for every cross-field problem of the config. */
export function checkAgreementsConfig(config: unknown, sink: IssueSink): void {
  const categories = new Set(entries(field(config, 'categories')).map(([key]) => key));
  const tiers = new Set(entries(field(config, 'tiers')).map(([key]) => key));
  const decimalsField = field(config, 'currencyDecimals');
  const decimals = typeof decimalsField === 'number' ? decimalsField : 2;

  items(field(config, 'alwaysBilled')).forEach((category, index) => {
    if (typeof category === 'string' && !categories.has(category)) {
      sink.addIssue({
        code: 'custom',
        path: ['alwaysBilled', index],
        message: `unknown category "${category}"`,
      });
    }
  });
  checkTiers(config, categories, sink);
  checkCategoryNames(config, sink);
  checkRules(config, categories, sink);
  checkSources(config, tiers, sink);
  checkPacks(config, sink);

  for (const [key, category] of entries(field(config, 'categories'))) {
    checkMoney(field(category, 'hourlyRate'), decimals, ['categories', key, 'hourlyRate'], sink);
  }
  for (const [key, tier] of entries(field(config, 'tiers'))) {
    checkMoney(field(tier, 'monthlyFee'), decimals, ['tiers', key, 'monthlyFee'], sink);
  }
  checkMoney(
    field(field(config, 'billing'), 'hourlyRate'),
    decimals,
    ['billing', 'hourlyRate'],
    sink,
  );
}

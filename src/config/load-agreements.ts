import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'yaml';
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { EngineSettings } from '../domain/settings';
import type { AgreementsConfig, SourcesConfig } from './agreements.schema';
import { AgreementsConfigSchema } from './agreements.schema';
import { toEngineSettings } from './agreements-settings';
import type { ConfigIssue } from './errors';
import { ConfigError } from './errors';

/** Environment variable naming the agreements config file. */
export const AGREEMENTS_CONFIG_ENV = 'TALLY_CONFIG';
/** Looked for in this order (relative to the working directory) when TALLY_CONFIG is not set. */
export const AGREEMENTS_CONFIG_CANDIDATES = [
  'config/agreements.yaml',
  'config/agreements.yml',
  'config/agreements.json',
  'config/agreements.default.yaml',
] as const;

export interface LoadedAgreements {
  readonly file: string;
  readonly config: AgreementsConfig;
  /** What the rules engine needs, as plain domain values. */
  readonly settings: EngineSettings;
  /** Where tiers, packs and the hourly product come from in Odoo (for the sync layer). */
  readonly sources: SourcesConfig;
}

function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(root)';
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function lineOf(
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  segments: readonly PropertyKey[],
): number | null {
  // Missing keys have no node: fall back to the closest parent that exists.
  for (let length = segments.length; length >= 0; length -= 1) {
    const found: unknown = document.getIn(segments.slice(0, length) as unknown[], true);
    if (isNode(found)) {
      const start = (found as Node).range?.[0];
      if (start !== undefined) return counter.linePos(start).line;
    }
  }
  return null;
}

function issuesFrom(
  error: z.ZodError,
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
): ConfigIssue[] {
  const issues = error.issues.map((issue): ConfigIssue => {
    const written = document.hasIn(issue.path as unknown[]);
    // zod says "Invalid key in record"; the reason the key failed is more useful.
    const message =
      issue.code === 'invalid_key'
        ? `invalid key: ${issue.issues[0]?.message ?? issue.message}`
        : issue.message;
    return {
      path: formatPath(issue.path),
      line: lineOf(document, counter, issue.path),
      // A cross-field problem at a path the file does not set is about a shipped default.
      message: !written && issue.code === 'custom' ? `${message} (default value)` : message,
    };
  });
  // In file order, so the list reads top to bottom; issues without a line go last.
  return issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/** Parses and validates config text (YAML or JSON); throws ConfigError listing every problem. */
export function parseAgreementsConfig(text: string, file: string): LoadedAgreements {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      file,
      document.errors.map((problem) => ({
        path: '(file)',
        line: problem.linePos?.[0].line ?? null,
        message: problem.message.split('\n')[0] ?? problem.code,
      })),
    );
  }
  const parsed = AgreementsConfigSchema.safeParse(document.toJS());
  if (!parsed.success) throw new ConfigError(file, issuesFrom(parsed.error, document, counter));
  return {
    file,
    config: parsed.data,
    settings: toEngineSettings(parsed.data),
    sources: parsed.data.sources,
  };
}

/** Reads, parses and validates an agreements config file; throws ConfigError when it is invalid. */
export function loadAgreementsConfig(file: string): LoadedAgreements {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Duck-typed: errors from node:fs may come from another realm (e.g. under jest).
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
    const reason = typeof code === 'string' ? code : 'unreadable';
    throw new ConfigError(file, [
      { path: '(file)', line: null, message: `cannot read the file (${reason})` },
    ]);
  }
  return parseAgreementsConfig(text, file);
}

/** The agreements config file to use: TALLY_CONFIG, else the first candidate that exists. */
export function resolveAgreementsConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  /** `agreementsPath` of the connection file, which `TALLY_CONFIG` overrides. */
  fromConnectionFile?: string,
): string {
  const named = [env[AGREEMENTS_CONFIG_ENV], fromConnectionFile].find(
    (value) => value !== undefined && value.trim() !== '',
  );
  if (named !== undefined) return path.resolve(cwd, named.trim());
  const candidates = AGREEMENTS_CONFIG_CANDIDATES.map((candidate) => path.resolve(cwd, candidate));
  return (
    candidates.find((candidate) => existsSync(candidate)) ??
    shippedDefaultConfig() ??
    candidates[0] ??
    cwd
  );
}

/**
 * The default terms shipped with Tally, found from this module upwards (the package root holds
 * `package.json` and `config/`), so `tally` run from any directory still has its terms.
 */
export function shippedDefaultConfig(): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'config', 'agreements.default.yaml');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(file)) return file;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Loads the connection settings from an optional YAML file and the environment (the environment
 * wins), validates them once, and registers every secret with the process's `SecretScrubber`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Logger } from '../shared/logger';
import type { SecretScrubber } from '../shared/redact';
import { CONNECTION_FILE_ENV } from './connection-file-env';
import { CONNECTION_ENV, ConnectionSchema, type Connection } from './connection.schema';
import { ConfigError, type ConfigIssue } from './errors';

export interface LoadConnectionOptions {
  /** Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * A YAML file of the shape in `config/connection.example.yaml`; defaults to the one
   * `TALLY_CONNECTION` names (relative to `cwd`), else none.
   */
  readonly file?: string;
  /** Defaults to `process.cwd()`. */
  readonly cwd?: string;
  readonly scrubber: SecretScrubber;
  readonly logger?: Logger;
}

type Tree = Record<string, unknown>;

/** None of the Odoo settings is set: name every variable a first run needs, in one sentence. */
const NO_ODOO_SETTINGS: ConfigIssue = {
  path: 'ODOO_URL, ODOO_DB, ODOO_LOGIN',
  line: null,
  message:
    'are not set: set ODOO_URL, ODOO_DB, ODOO_LOGIN and ODOO_API_KEY or ODOO_PASSWORD (tally sandbox prints a block to paste for a throw-away Odoo)',
};

/** Validated connection settings; throws `ConfigError` naming each bad variable or key. */
export function loadConnection(options: LoadConnectionOptions): Connection {
  const env = options.env ?? process.env;
  const file = options.file ?? connectionFileOf(env, options.cwd ?? process.cwd());
  const fromFile = file === undefined ? {} : readYaml(file);
  const fromEnv = envTree(env);
  const parsed = ConnectionSchema.safeParse(merge(fromFile, fromEnv));
  if (!parsed.success) {
    const noOdoo = parsed.error.issues.some((issue) => issue.path.join('.') === 'odoo');
    const mapped: ConfigIssue[] = parsed.error.issues.map((issue) => {
      const dotted = issue.path.map(String).join('.');
      if (dotted === 'odoo') return NO_ODOO_SETTINGS;
      const variable = (CONNECTION_ENV as Readonly<Record<string, string>>)[dotted];
      const path =
        variable === undefined
          ? dotted || '(root)'
          : file === undefined
            ? variable
            : `${dotted} / ${variable}`;
      const unset = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
      return { path, line: null, message: unset ? 'is not set' : issue.message };
    });
    // With no Odoo settings at all, the one sentence naming them says everything about Odoo.
    const issues = noOdoo
      ? mapped.filter((issue) => issue === NO_ODOO_SETTINGS || !issue.path.startsWith('ODOO_'))
      : mapped;
    throw new ConfigError(file === undefined ? 'environment' : `${file} + environment`, issues);
  }
  const connection = parsed.data;
  registerSecrets(connection, options.scrubber);
  if (!connection.odoo.tlsRejectUnauthorized) {
    options.logger?.warn(
      'ODOO_TLS_REJECT_UNAUTHORIZED=false asks to skip TLS certificate checks; use it only for a self-signed development server.',
      {
        event: 'config.tls_unverified',
        url: connection.odoo.url,
      },
    );
  }
  return connection;
}

/** The file `TALLY_CONNECTION` names, resolved against the working directory. */
function connectionFileOf(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string | undefined {
  const named = env[CONNECTION_FILE_ENV]?.trim();
  return named === undefined || named === '' ? undefined : path.resolve(cwd, named);
}

function readYaml(file: string): Tree {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(file, [
      { path: '(file)', line: null, message: `cannot be read: ${reason}` },
    ]);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(file, [
      { path: '(file)', line: null, message: `is not valid YAML: ${reason}` },
    ]);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(file, [
      {
        path: '(file)',
        line: null,
        message: 'must be a mapping with odoo, redis and agreementsPath',
      },
    ]);
  }
  return value as Tree;
}

/** The environment variables that are set (and not empty), placed at their settings paths. */
function envTree(env: Readonly<Record<string, string | undefined>>): Tree {
  const tree: Tree = {};
  for (const [dotted, variable] of Object.entries(CONNECTION_ENV)) {
    const value = env[variable];
    if (value === undefined || value.trim() === '') continue;
    const keys = dotted.split('.');
    let node = tree;
    for (const key of keys.slice(0, -1)) {
      const child = node[key];
      node[key] = child !== null && typeof child === 'object' ? child : {};
      node = node[key] as Tree;
    }
    node[keys[keys.length - 1] ?? dotted] = value;
  }
  return tree;
}

function merge(base: Tree, override: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    const bothTrees = isTree(current) && isTree(value);
    out[key] = bothTrees ? merge(current, value) : value;
  }
  return out;
}

function isTree(value: unknown): value is Tree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function registerSecrets(connection: Connection, scrubber: SecretScrubber): void {
  scrubber.add(connection.odoo.password);
  scrubber.add(connection.odoo.apiKey);
  try {
    const redisPassword = new URL(connection.redis.url).password;
    if (redisPassword !== '') scrubber.add(decodeURIComponent(redisPassword));
  } catch {
    // Not a URL ioredis would accept either; the queue layer reports it when it connects.
  }
}

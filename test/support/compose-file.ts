import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const ROOT = path.resolve(__dirname, '../..');
export const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

/** The part of a compose service the README's promises are about. */
const ServiceSchema = z.object({
  image: z.string().optional(),
  build: z.string().optional(),
  entrypoint: z.array(z.string()).optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).default({}),
  volumes: z.array(z.string()).default([]),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).default({}),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  restart: z.string().optional(),
});
export type ComposeService = z.infer<typeof ServiceSchema>;

const ComposeFileSchema = z.object({ services: z.record(z.string(), ServiceSchema) });

/** docker-compose.yml as compose reads it: anchors and `<<` merge keys resolved. */
export function loadComposeServices(): Readonly<Record<string, ComposeService>> {
  const parsed = parseYaml(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as unknown;
  return ComposeFileSchema.parse(parsed).services;
}

/** One `${NAME…}` or `$NAME` reference; `operator` is `:-`, `-`, `:?`, `?` or empty. */
export interface VariableReference {
  readonly name: string;
  readonly operator: string;
  readonly argument: string;
}

// Compose's own rule: a braced default or message ends at the first `}`; `$$` is a literal `$`.
const REFERENCE =
  /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function variableReferences(text: string): VariableReference[] {
  return [...text.matchAll(REFERENCE)].flatMap((match) => {
    const name = match[1] ?? match[4];
    if (name === undefined) return [];
    return [{ name, operator: match[2] ?? '', argument: match[3] ?? '' }];
  });
}

/** The `:?` and `?` references `env` leaves unresolved, which compose refuses: name and message. */
export function unresolvedRequired(
  text: string,
  env: Readonly<Record<string, string>>,
): { name: string; message: string }[] {
  return variableReferences(text)
    .filter(({ name, operator }) => {
      const value = env[name];
      if (operator === ':?') return value === undefined || value === '';
      return operator === '?' && value === undefined;
    })
    .map(({ name, argument }) => ({ name, message: argument }));
}

/** `docker compose` when the plugin answers, else `docker-compose` when it does, else null. */
export function findComposeCommand(): readonly string[] | null {
  for (const command of [['docker', 'compose'], ['docker-compose']] as const) {
    const [file, ...args] = command;
    const probe = spawnSync(file, [...args, 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}

export interface ComposeRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the compose tool on this repository's file with only `env` set (plus PATH and HOME), and
 * `.env.example` as its env file, so neither the caller's variables nor a local `.env` count.
 */
export function runCompose(
  command: readonly string[],
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): ComposeRun {
  const [file, ...prefix] = command;
  if (file === undefined) throw new Error('an empty compose command');
  const base: Record<string, string> = { PATH: process.env.PATH ?? '' };
  if (process.env.HOME !== undefined) base.HOME = process.env.HOME;
  const result = spawnSync(
    file,
    [...prefix, '--file', COMPOSE_FILE, '--env-file', path.join(ROOT, '.env.example'), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...base, ...env } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { envFor, SUPERUSER_ID, type SandboxContext } from './context';
import { SandboxConfigError } from './errors';
import { FaultConfigSchema } from './faults';
import { executeKw } from './methods/execute';
import { create, write } from './orm/mutate';
import { profileNames } from './profile';
import type { Env } from './types';
import { addXmlId, resolveXmlId } from './xmlids';

/** `{"$ref": "acme"}` anywhere in values: the id of a record created earlier under that ref, or an xml id. */
const ValuesSchema = z
  .record(z.string(), z.unknown())
  .describe('Field values; {"$ref": name} resolves to an id.');

const CreateStepSchema = z.object({
  model: z.string().describe('Model to create a record in, e.g. res.partner.'),
  ref: z
    .string()
    .optional()
    .describe('Name later steps use in {"$ref": ...}; registered as xml id seed.<ref>.'),
  values: ValuesSchema,
});

const WriteStepSchema = z.object({
  model: z.string(),
  write: z.string().describe('Ref or xml id of the record to update.'),
  ref: z
    .string()
    .optional()
    .describe('Name later steps use for the written record (a record the database came with).'),
  values: ValuesSchema,
});

const CallStepSchema = z.object({
  model: z.string(),
  call: z.string().describe('Method to call, e.g. action_confirm.'),
  on: z
    .array(z.string())
    .default([])
    .describe('Refs of the records the method runs on (empty for @api.model).'),
  args: z.array(z.unknown()).default([]),
  kwargs: z.record(z.string(), z.unknown()).default({}),
});

export const SeedStepSchema = z.union([CallStepSchema, WriteStepSchema, CreateStepSchema]);

export const SeedUserSchema = z.object({
  ref: z.string().optional(),
  login: z.string(),
  name: z.string(),
  password: z.string().optional().describe('Defaults to the login.'),
  apiKey: z.string().optional(),
  groups: z
    .array(z.string())
    .default(['base.group_user'])
    .describe('Group xml ids, e.g. hr_timesheet.group_hr_timesheet_user.'),
  employee: z.boolean().default(false).describe('Also create an hr.employee for the user.'),
});

/** When a seed's records count as made (create_date), unless the seed says otherwise. */
export const SEED_CREATED_AT = '2020-01-01 00:00:00';

/** The seeds that ship with the sandbox: an empty database, the small demo, the demo company. */
export const BUILT_IN_SEEDS = ['empty', 'demo', 'demo-company'] as const;
export type BuiltInSeed = (typeof BUILT_IN_SEEDS)[number];

/** The JSON seed format: a base (empty database or the demo), users, then ordered record steps. */
export const SandboxSeedSchema = z.object({
  base: z
    .enum(BUILT_IN_SEEDS)
    .default('empty')
    .describe(
      'Start from an empty database (default), the small demo or the realistic demo company.',
    ),
  users: z.array(SeedUserSchema).default([]),
  records: z.array(SeedStepSchema).default([]),
  faults: FaultConfigSchema.optional(),
  createdAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be "YYYY-MM-DD HH:MM:SS" (UTC)')
    .default(SEED_CREATED_AT)
    .describe(
      'create_date of the records the steps create: a seed stands for a database that existed before Tally (real Odoo stamps each create with its own time). Default 2020-01-01 00:00:00.',
    ),
});

export type SandboxSeed = z.input<typeof SandboxSeedSchema>;
export type SeedStep = z.input<typeof SeedStepSchema>;

/** Validates the text of a JSON seed file; errors name the file and the zod path. */
export function parseSeedFile(source: string, text: string): SandboxSeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SandboxConfigError(
      `Seed file ${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = SandboxSeedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SandboxConfigError(
      `Seed file ${source} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** Reads and validates a JSON seed file. */
export async function loadSeedFile(path: string): Promise<SandboxSeed> {
  return parseSeedFile(path, await readFile(path, 'utf8'));
}

function lookup(env: Env, ref: string): number {
  const found = resolveXmlId(env, `seed.${ref}`) ?? resolveXmlId(env, ref);
  if (found === undefined) throw new SandboxConfigError(`Seed refers to unknown record "${ref}".`);
  return found.id;
}

function resolveRefs(env: Env, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(env, item));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string' && Object.keys(record).length === 1)
      return lookup(env, record.$ref);
    return Object.fromEntries(
      Object.entries(record).map(([key, item]) => [key, resolveRefs(env, item)]),
    );
  }
  return value;
}

/** Applies a seed on top of what the store holds, as the superuser, one transaction per step. */
export function applySeed(ctx: SandboxContext, input: SandboxSeed): void {
  const seed = SandboxSeedSchema.parse(input);
  const groupField = profileNames(ctx.profile).userGroups;
  for (const user of seed.users) {
    const env = envFor(ctx, SUPERUSER_ID);
    ctx.store.transaction(() => {
      const groups = user.groups.map((xmlId) => {
        const found = resolveXmlId(env, xmlId);
        if (found?.model !== 'res.groups')
          throw new SandboxConfigError(`Unknown group ${xmlId} for seed user ${user.login}.`);
        return found.id;
      });
      const uid = create(env, 'res.users', [
        {
          login: user.login,
          name: user.name,
          password: user.password ?? user.login,
          [groupField]: [[6, 0, groups]],
        },
      ])[0] as number;
      if (user.apiKey !== undefined) ctx.store.apiKeys.set(user.apiKey, uid);
      if (user.ref !== undefined) addXmlId(env, `seed.${user.ref}`, 'res.users', uid);
      if (user.employee) create(env, 'hr.employee', [{ name: user.name, user_id: uid }]);
    });
  }
  // Records are made as the administrator (with superuser rights), as a person or an RPC load
  // would make them: defaults that take the current user (a ticket's assignee) name the admin.
  const adminUid = resolveXmlId(envFor(ctx, SUPERUSER_ID), 'base.user_admin')?.id ?? SUPERUSER_ID;
  for (const step of seed.records) {
    const env: Env = { ...envFor(ctx, adminUid), su: true };
    ctx.store.transaction(() => {
      if ('call' in step) {
        const ids = step.on.map((ref) => lookup(env, ref));
        const args = resolveRefs(env, step.args) as unknown[];
        executeKw(
          ctx,
          SUPERUSER_ID,
          step.model,
          step.call,
          ids.length > 0 ? [ids, ...args] : args,
          resolveRefs(env, step.kwargs),
        );
      } else if ('write' in step) {
        const id = lookup(env, step.write);
        write(env, step.model, [id], resolveRefs(env, step.values) as Record<string, unknown>);
        if (step.ref !== undefined) addXmlId(env, `seed.${step.ref}`, step.model, id);
      } else {
        const id = create(env, step.model, [
          resolveRefs(env, step.values) as Record<string, unknown>,
        ])[0] as number;
        env.store.table(step.model).update(id, { create_date: seed.createdAt });
        if (step.ref !== undefined) addXmlId(env, `seed.${step.ref}`, step.model, id);
      }
    });
  }
}

/**
 * Loads a sandbox seed (ordered create, write and call steps whose values name earlier records by
 * `{"$ref": name}`) into a real Odoo over RPC, so the demo company is the same records on both.
 * A ref is a record an earlier step created, else an external id (`base.user_admin`).
 * Consecutive creates on one model that do not refer to each other go in one call.
 */
import { and, where } from '../../odoo/filter';
import type { OdooClient } from '../../odoo/client';
import type { OdooContext } from '../../odoo/model-api';
import { SeedStepSchema, type SeedStep } from '../../sandbox/seed';
import { DemoLoadError } from '../errors';

/** Records per create call: one transaction each, well under Odoo's request limits (odoo-rpc.md §5). */
export const CREATE_BATCH = 200;

/** Chatter off while loading: no tracking messages or followers for thousands of demo records. */
const LOAD_CONTEXT: OdooContext = {
  tracking_disable: true,
  mail_create_nolog: true,
  mail_create_nosubscribe: true,
  mail_notrack: true,
};

export interface ReplayProgress {
  readonly done: number;
  readonly total: number;
}

export interface ReplayResult {
  /** The id of each record a step created under a ref. */
  readonly refs: ReadonlyMap<string, number>;
  readonly records: number;
  readonly calls: number;
}

type Step = ReturnType<typeof SeedStepSchema.parse>;
type CreateStep = Extract<Step, { values: unknown }> & { ref?: string };

const isCreate = (step: Step): step is CreateStep => !('call' in step) && !('write' in step);

/** Every `$ref` a value names. */
function refsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, into);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string' && Object.keys(record).length === 1) into.add(record.$ref);
    else for (const item of Object.values(record)) refsIn(item, into);
  }
  return into;
}

/** Splits the steps into calls: runs of creates on one model that name no ref made in the run. */
export function batchSteps(steps: readonly Step[], size = CREATE_BATCH): Step[][] {
  const batches: Step[][] = [];
  let run: CreateStep[] = [];
  let made = new Set<string>();
  const flush = (): void => {
    if (run.length > 0) batches.push(run);
    run = [];
    made = new Set();
  };
  for (const step of steps) {
    if (!isCreate(step)) {
      flush();
      batches.push([step]);
      continue;
    }
    const first = run[0];
    const needsEarlier = [...refsIn(step.values)].some((ref) => made.has(ref));
    if (first !== undefined && (first.model !== step.model || needsEarlier || run.length >= size))
      flush();
    run.push(step);
    if (step.ref !== undefined) made.add(step.ref);
  }
  flush();
  return batches;
}

/** Every record a step names: its `$ref` values, the records a call runs on, the record written. */
function namedBy(step: Step): Set<string> {
  if ('call' in step) return refsIn([step.args, step.kwargs], new Set(step.on));
  if ('write' in step) return refsIn(step.values, new Set([step.write]));
  return refsIn(step.values);
}

class RefResolver {
  readonly created = new Map<string, number>();
  private readonly external = new Map<string, number>();

  constructor(private readonly client: OdooClient) {}

  /** Looks up the external ids among `names` that are not known yet (once each per run). */
  async prepare(names: Iterable<string>): Promise<void> {
    for (const ref of names) {
      if (this.created.has(ref) || this.external.has(ref)) continue;
      const [module, name, ...rest] = ref.split('.');
      if (module === undefined || name === undefined || rest.length > 0)
        throw new DemoLoadError(`The seed names "${ref}" before any step created it.`);
      const [row] = await this.client
        .model('ir.model.data')
        .searchRead(and(where('module', '=', module), where('name', '=', name)), {
          fields: ['res_id'],
          limit: 1,
        });
      if (typeof row?.res_id !== 'number')
        throw new DemoLoadError(
          `This Odoo has no record with the external id ${ref}; install the module that brings it.`,
        );
      this.external.set(ref, row.res_id);
    }
  }

  id(ref: string): number {
    const id = this.created.get(ref) ?? this.external.get(ref);
    if (id === undefined) throw new DemoLoadError(`The seed names "${ref}", which was not loaded.`);
    return id;
  }

  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.$ref === 'string' && Object.keys(record).length === 1)
        return this.id(record.$ref);
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, this.resolve(v)]));
    }
    return value;
  }
}

async function runBatch(client: OdooClient, refs: RefResolver, batch: Step[]): Promise<number> {
  for (const step of batch) await refs.prepare(namedBy(step));
  const [first] = batch;
  if (first === undefined) return 0;
  const model = client.model(first.model);
  if ('call' in first) {
    const ids = first.on.map((ref) => refs.id(ref));
    const args = refs.resolve(first.args) as unknown[];
    await model.call(first.call, ids.length > 0 ? [ids, ...args] : args, {
      ...(refs.resolve(first.kwargs) as Record<string, unknown>),
      context: LOAD_CONTEXT,
    });
    return 0;
  }
  if ('write' in first) {
    const id = refs.id(first.write);
    await model.write([id], refs.resolve(first.values) as Record<string, unknown>, {
      context: LOAD_CONTEXT,
    });
    if (first.ref !== undefined) refs.created.set(first.ref, id);
    return 0;
  }
  const creates = batch as CreateStep[];
  const ids = await model.create(
    creates.map((step) => refs.resolve(step.values) as Record<string, unknown>),
    LOAD_CONTEXT,
  );
  creates.forEach((step, index) => {
    const id = ids[index];
    if (step.ref !== undefined && id !== undefined) refs.created.set(step.ref, id);
  });
  return creates.length;
}

/** Replays the steps in order; `onProgress` hears after every call. */
export async function replaySeed(
  client: OdooClient,
  input: readonly SeedStep[],
  onProgress: (progress: ReplayProgress) => void = () => undefined,
): Promise<ReplayResult> {
  const steps = input.map((step) => SeedStepSchema.parse(step));
  const batches = batchSteps(steps);
  const refs = new RefResolver(client);
  let records = 0;
  let done = 0;
  for (const batch of batches) {
    records += await runBatch(client, refs, batch);
    done += batch.length;
    onProgress({ done, total: steps.length });
  }
  return { refs: refs.created, records, calls: batches.length };
}

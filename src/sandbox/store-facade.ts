import { SUPERUSER_ID, type SandboxContext } from './context';
import { SandboxConfigError } from './errors';
import { executeKw } from './methods/execute';
import type { Store } from './store';
import { resolveXmlId } from './xmlids';
import { envFor } from './context';

/**
 * In-process access to the sandbox's data as the superuser, without HTTP: for seeding large
 * volumes (the bench) and for assertions. Every call is one transaction, like an RPC call.
 */
export class SandboxStore {
  constructor(private readonly ctx: SandboxContext) {}

  /** The raw tables (read-only use: changes made here bypass hooks and write_date). */
  get raw(): Store {
    return this.ctx.store;
  }

  /** Calls any model method as `execute_kw` would, as the superuser. */
  call(
    model: string,
    method: string,
    args: unknown[] = [],
    kwargs: Record<string, unknown> = {},
  ): unknown {
    return executeKw(this.ctx, SUPERUSER_ID, model, method, args, kwargs);
  }

  create(model: string, vals: Record<string, unknown>): number;
  create(model: string, vals: Record<string, unknown>[]): number[];
  /** Creates one record (returns its id) or many (returns ids). */
  create(
    model: string,
    vals: Record<string, unknown> | Record<string, unknown>[],
  ): number | number[] {
    return this.call(model, 'create', [vals]) as number | number[];
  }

  write(model: string, ids: number[], vals: Record<string, unknown>): void {
    this.call(model, 'write', [ids, vals]);
  }

  read(model: string, ids: number[], fields?: string[]): Record<string, unknown>[] {
    return this.call(model, 'read', [ids], fields ? { fields } : {}) as Record<string, unknown>[];
  }

  search(
    model: string,
    domain: unknown[] = [],
    options: { limit?: number; order?: string; context?: Record<string, unknown> } = {},
  ): number[] {
    return this.call(model, 'search', [domain], options) as number[];
  }

  searchRead(
    model: string,
    domain: unknown[] = [],
    fields?: string[],
    options: { limit?: number; order?: string } = {},
  ): Record<string, unknown>[] {
    return this.call(model, 'search_read', [domain], {
      ...(fields ? { fields } : {}),
      ...options,
    }) as Record<string, unknown>[];
  }

  /** Id of a seed ref (`acme`) or an xml id (`base.main_company`). */
  ref(name: string): number {
    const env = envFor(this.ctx, SUPERUSER_ID);
    const found = resolveXmlId(env, `seed.${name}`) ?? resolveXmlId(env, name);
    if (found === undefined) throw new SandboxConfigError(`Unknown sandbox ref "${name}".`);
    return found.id;
  }
}

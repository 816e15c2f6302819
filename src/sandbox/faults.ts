import { z } from 'zod';

/**
 * Faults on demand. Transport kinds (`http-502`, `http-503`, `http-504`, `reset`, `timeout`) answer
 * without running the call unless `afterCommit` is set, in which case the call runs and is
 * committed first and then the answer is lost (the "crash after commit" case for idempotency
 * tests). `serialization` is an Odoo-level error (psycopg2 SerializationFailure) and never commits.
 */
export const FaultKindSchema = z.enum([
  'http-502',
  'http-503',
  'http-504',
  'reset',
  'timeout',
  'serialization',
]);
export type FaultKind = z.infer<typeof FaultKindSchema>;

export const FaultConfigSchema = z.object({
  latencyMs: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Delay added to every call, in ms (default 0).'),
  randomFailureRate: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('Share of calls that fail at random (default 0).'),
  randomSeed: z
    .number()
    .int()
    .default(1)
    .describe('Seed of the PRNG behind random failures (default 1).'),
  randomKinds: z
    .array(FaultKindSchema)
    .min(1)
    .default(['http-502', 'http-503', 'reset'])
    .describe('Kinds random failures pick from.'),
});
export type FaultConfig = z.input<typeof FaultConfigSchema>;

export interface CallInfo {
  /** Model for object calls, service name for common/db calls. */
  model: string;
  method: string;
  isWrite: boolean;
}

export interface FaultDecision {
  kind: FaultKind;
  afterCommit: boolean;
}

export interface ScheduledFault {
  /** 1 = the next matching call. */
  nth: number;
  kind: FaultKind;
  afterCommit?: boolean;
  model?: string;
  method?: string;
}

/** Scripted and random faults, set from tests through `sandbox.faults` or from options. */
export interface FaultController {
  setLatency(ms: number): void;
  setRandomFailures(rate: number, options?: { seed?: number; kinds?: FaultKind[] }): void;
  /** Fails the nth call matching `model`/`method` from now on (one-shot). */
  failCall(fault: ScheduledFault): void;
  /** After `writes` more successful write calls, every further write fails with `kind`. */
  abortAfterWrites(writes: number, kind?: FaultKind): void;
  /** Invalidates every web session: the next /web/dataset/call_kw answers code 100. */
  expireSessions(): void;
  /** Clears every fault. */
  reset(): void;
}

/** mulberry32: small, seeded, good enough to spread failures reproducibly. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pending extends ScheduledFault {
  seen: number;
}

export class SandboxFaults implements FaultController {
  latencyMs = 0;
  private rate = 0;
  private kinds: FaultKind[] = ['http-502', 'http-503', 'reset'];
  private random: () => number = prng(1);
  private scheduled: Pending[] = [];
  private writesLeft: number | undefined;
  private abortKind: FaultKind = 'reset';

  constructor(
    config: FaultConfig = {},
    private readonly onExpireSessions: () => void = () => undefined,
  ) {
    const parsed = FaultConfigSchema.parse(config);
    this.latencyMs = parsed.latencyMs;
    this.setRandomFailures(parsed.randomFailureRate, {
      seed: parsed.randomSeed,
      kinds: parsed.randomKinds,
    });
  }

  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  setRandomFailures(rate: number, options: { seed?: number; kinds?: FaultKind[] } = {}): void {
    this.rate = rate;
    this.random = prng(options.seed ?? 1);
    if (options.kinds !== undefined && options.kinds.length > 0) this.kinds = [...options.kinds];
  }

  failCall(fault: ScheduledFault): void {
    this.scheduled.push({ ...fault, seen: 0 });
  }

  abortAfterWrites(writes: number, kind: FaultKind = 'reset'): void {
    this.writesLeft = writes;
    this.abortKind = kind;
  }

  expireSessions(): void {
    this.onExpireSessions();
  }

  reset(): void {
    this.latencyMs = 0;
    this.rate = 0;
    this.scheduled = [];
    this.writesLeft = undefined;
  }

  /** Decides the fate of one call; called once per RPC call, before it runs. */
  decide(call: CallInfo): FaultDecision | undefined {
    for (const fault of this.scheduled) {
      if (fault.model !== undefined && fault.model !== call.model) continue;
      if (fault.method !== undefined && fault.method !== call.method) continue;
      fault.seen += 1;
      if (fault.seen === fault.nth) {
        this.scheduled = this.scheduled.filter((item) => item !== fault);
        return { kind: fault.kind, afterCommit: fault.afterCommit === true };
      }
    }
    if (call.isWrite && this.writesLeft !== undefined) {
      if (this.writesLeft <= 0) return { kind: this.abortKind, afterCommit: false };
      this.writesLeft -= 1;
    }
    if (this.rate > 0 && this.random() < this.rate) {
      const kind = this.kinds[Math.floor(this.random() * this.kinds.length)] ?? 'http-502';
      return { kind, afterCommit: false };
    }
    return undefined;
  }
}

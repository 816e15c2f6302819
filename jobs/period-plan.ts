import { z } from 'zod';
import {
  defineJob,
  type AnyJobDefinition,
  type FanOutChild,
  type JobServices,
} from '../src/queue/job-definition';
import type { Period, PeriodRef } from '../src/queue/job-handlers';
import type { JobName, QueueName } from '../src/queue/names';

/** A period named by a schedule (`current`, `previous`) becomes a real one at the job's due time. */
export async function resolvePeriodRef(ref: PeriodRef, services: JobServices): Promise<Period> {
  if (ref !== 'current' && ref !== 'previous') return ref;
  return services.handlers.resolvePeriod({ relative: ref, asOf: services.job.dueAt });
}

export const PeriodPlanResultSchema = z.object({
  period: z.string(),
  customers: z.number().int().nonnegative(),
});
export type PeriodPlanResult = z.infer<typeof PeriodPlanResultSchema>;

export interface PeriodPlan<P> {
  readonly summary: { readonly name: JobName; readonly queue: QueueName };
  readonly child: { readonly name: JobName; readonly queue: QueueName };
  readonly dedupId: (customerId: number, period: string) => string;
  /** What each child gets besides the period and customer. */
  readonly childData: (payload: P) => Readonly<Record<string, unknown>>;
}

/** Lists the period's customers and adds a flow: one child per customer under a summary parent. */
async function fanOutCustomers<P>(
  period: Period,
  payload: P,
  plan: PeriodPlan<P>,
  services: JobServices,
): Promise<PeriodPlanResult> {
  const customers = [...new Set(await services.handlers.listCustomers(period))];
  if (customers.length === 0) return { period, customers: 0 };
  const children: FanOutChild[] = customers.map((customerId) => ({
    name: plan.child.name,
    queue: plan.child.queue,
    data: { period, customerId, ...plan.childData(payload) },
    dedupId: plan.dedupId(customerId, period),
  }));
  await services.fanOut({
    parent: { ...plan.summary, data: { period, customers: customers.length } },
    children,
  });
  return { period, customers: customers.length };
}

/**
 * A job that plans a period (`sync`, `close-period`): resolves the period the payload names, then
 * fans out one child per customer under a summary parent.
 */
export function periodPlanJob<P extends { period: PeriodRef }>(
  job: { readonly name: JobName; readonly queue: QueueName; readonly payloadSchema: z.ZodType<P> },
  plan: PeriodPlan<P>,
): AnyJobDefinition {
  return defineJob({
    ...job,
    resultSchema: PeriodPlanResultSchema,
    async process(payload, services) {
      const period = await resolvePeriodRef(payload.period, services);
      return fanOutCustomers(period, payload, plan, services);
    },
  });
}

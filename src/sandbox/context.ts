import type { Credentials } from './auth/credentials';
import type { Sessions } from './auth/sessions';
import { odooDatetime } from './env';
import type { SandboxFaults } from './faults';
import { expandGroups } from './groups';
import type { SandboxProfile } from './profile';
import type { Registry } from './registry';
import type { CallStats } from './stats';
import type { Store } from './store';
import type { Env } from './types';
import { groupXmlIds } from './xmlids';

/** Everything the protocol handlers share for one running sandbox. */
export interface SandboxContext {
  readonly db: string;
  readonly profile: SandboxProfile;
  readonly store: Store;
  readonly registry: Registry;
  readonly clock: () => Date;
  readonly credentials: Credentials;
  readonly sessions: Sessions;
  readonly faults: SandboxFaults;
  readonly stats: CallStats;
}

/** The superuser (OdooBot) id; uid 2 is the administrator as in a fresh database. */
export const SUPERUSER_ID = 1;

/** Builds the environment of one call: user groups, company, context and the transaction time. */
export function envFor(
  ctx: SandboxContext,
  uid: number,
  context: Record<string, unknown> = {},
): Env {
  const base: Env = {
    store: ctx.store,
    registry: ctx.registry,
    profile: ctx.profile,
    uid,
    su: uid === SUPERUSER_ID,
    groups: new Set(),
    context,
    now: odooDatetime(ctx.clock()),
    companyId: 1,
  };
  const user = ctx.store.table('res.users').get(uid);
  if (user === undefined) return base;
  const groupField = ctx.profile.odooVersion >= 19 ? 'group_ids' : 'groups_id';
  const groupIds = Array.isArray(user[groupField]) ? (user[groupField] as number[]) : [];
  return {
    ...base,
    groups: expandGroups(groupXmlIds(base, groupIds)),
    companyId: typeof user.company_id === 'number' ? user.company_id : 1,
  };
}

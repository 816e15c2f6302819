import { OdooException } from '../errors';
import type { Store } from '../store';

/** Odoo's defaults written at database creation: base.login_cooldown_after / _duration. */
export const LOGIN_COOLDOWN_AFTER = 10;
export const LOGIN_COOLDOWN_SECONDS = 60;
const COOLDOWN_MESSAGE = 'Too many login failures, please wait a bit before trying again.';

interface Failures {
  count: number;
  last: number;
}

/** Password and API-key checks with the per-address login cooldown (odoo-verified.md). */
export class Credentials {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** The uid whose login and password (or API key) match, else undefined. */
  private match(login: string, secret: string, interactive: boolean): number | undefined {
    for (const row of this.store.table('res.users').rows.values()) {
      if (row.login !== login || row.active === false) continue;
      if (typeof row.password === 'string' && row.password !== '' && row.password === secret)
        return row.id;
      if (!interactive && this.store.apiKeys.get(secret) === row.id) return row.id;
    }
    return undefined;
  }

  private guard(address: string): void {
    const entry = this.failures.get(address);
    if (entry === undefined || entry.count < LOGIN_COOLDOWN_AFTER) return;
    if (this.now().getTime() - entry.last < LOGIN_COOLDOWN_SECONDS * 1000) {
      throw new OdooException('AccessDenied', COOLDOWN_MESSAGE);
    }
  }

  private fail(address: string): void {
    const entry = this.failures.get(address);
    this.failures.set(address, { count: (entry?.count ?? 0) + 1, last: this.now().getTime() });
  }

  /** `common.login` / `authenticate`: uid or false; AccessDenied only during the cooldown. */
  login(login: string, secret: string, address: string, interactive = false): number | false {
    this.guard(address);
    const uid = this.match(login, secret, interactive);
    if (uid === undefined) {
      this.fail(address);
      return false;
    }
    this.failures.delete(address);
    return uid;
  }

  /** `object.execute_kw` credential check: AccessDenied on any mismatch. */
  check(uid: unknown, secret: unknown, address: string): number {
    this.guard(address);
    const row = typeof uid === 'number' ? this.store.table('res.users').get(uid) : undefined;
    const ok =
      row !== undefined &&
      row.active !== false &&
      typeof secret === 'string' &&
      secret !== '' &&
      (row.password === secret || this.store.apiKeys.get(secret) === row.id);
    if (!ok) {
      this.fail(address);
      throw new OdooException('AccessDenied', 'Access Denied');
    }
    return row.id;
  }

  /** JSON-2 bearer key -> uid. */
  bearer(key: string): number | undefined {
    const uid = this.store.apiKeys.get(key);
    return uid !== undefined && this.store.table('res.users').get(uid)?.active !== false
      ? uid
      : undefined;
  }
}

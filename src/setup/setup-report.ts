/**
 * What `tally setup` found and did, as data: a checklist of checks (ok, warn or fail, each failing one
 * saying what to fix) and the records it created or updated. The CLI renders it; the demo and the
 * setup-check job read it.
 */
import type { HelpdeskEdition } from '../odoo/profiles/field-profile';
import type { TransportKind } from '../odoo/transports/transport';

/** `pending`: a dry run found something setup would create (not a failure: nothing to fix by hand). */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'pending';

/** Checklist sections, in the order they are checked and printed. */
export const CHECK_AREAS = [
  'connection',
  'modules',
  'access',
  'accounting',
  'fields',
  'views',
  'products',
  'config',
] as const;
export type CheckArea = (typeof CHECK_AREAS)[number];

export interface SetupCheck {
  /** Stable id, e.g. `module:hr_timesheet`, `group:helpdesk_user`, `field:account.move/x_tally_key`. */
  readonly id: string;
  readonly area: CheckArea;
  readonly status: CheckStatus;
  /** What was found, as one sentence. */
  readonly message: string;
  /** What to do about it; present on every warn and fail. */
  readonly fix?: string;
}

/** A record setup created or updated in Odoo. */
export interface SetupChange {
  readonly action: 'created' | 'updated';
  /** The model written: `ir.model.fields`, `ir.ui.view` or `product.product`. */
  readonly model: string;
  readonly id: number;
  /** What it is, e.g. `account.move x_tally_key`, `tally.helpdesk.ticket.form`, `SUPPORT-HOUR`. */
  readonly name: string;
}

export interface SetupServer {
  readonly version: string;
  readonly transport: TransportKind;
  readonly uid: number;
  /** Null when no usable helpdesk is installed. */
  readonly helpdesk: HelpdeskEdition | null;
}

export interface SetupReport {
  /** True when no check failed: Tally can sync this database. */
  readonly ready: boolean;
  /** Null when the connection itself failed. */
  readonly server: SetupServer | null;
  readonly checks: readonly SetupCheck[];
  readonly changes: readonly SetupChange[];
}

/** Collects checks and changes while setup runs. */
export class SetupLog {
  private readonly checks: SetupCheck[] = [];
  private readonly changes: SetupChange[] = [];

  ok(area: CheckArea, id: string, message: string): void {
    this.checks.push({ id, area, status: 'ok', message });
  }

  warn(area: CheckArea, id: string, message: string, fix: string): void {
    this.checks.push({ id, area, status: 'warn', message, fix });
  }

  fail(area: CheckArea, id: string, message: string, fix: string): void {
    this.checks.push({ id, area, status: 'fail', message, fix });
  }

  pending(area: CheckArea, id: string, message: string, fix: string): void {
    this.checks.push({ id, area, status: 'pending', message, fix });
  }

  changed(change: SetupChange): void {
    this.changes.push(change);
  }

  report(server: SetupServer | null): SetupReport {
    return {
      ready: this.checks.every((check) => check.status !== 'fail' && check.status !== 'pending'),
      server,
      checks: [...this.checks],
      changes: [...this.changes],
    };
  }
}

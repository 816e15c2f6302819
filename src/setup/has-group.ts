/**
 * `res.users.has_group` changed shape between versions (odoo-verified.md, "Verified 2026-12-02"):
 * on 16 and 17 it is an `@api.model` method that checks the calling user (passing ids raises
 * TypeError); from 18 it is a record method on one user (no ids raises "Expected singleton").
 * Builds between the two (saas~17.x) may be either, so when Odoo refuses the first form for its
 * shape alone, the other form is tried once.
 */
import type { OdooClient } from '../odoo/client';
import { isOdooError } from '../odoo/errors';
import { SETUP_MODELS } from './records';

/** The first major version whose `has_group` runs on a user record instead of the caller. */
export const FIRST_RECORD_HAS_GROUP_MAJOR = 18;

type HasGroupForm = 'caller' | 'record';

/** Odoo's complaints when a call of the other form's shape reaches it. */
const WRONG_SHAPE =
  /positional arguments? but|required positional argument|multiple values for argument|unexpected keyword argument|Expected singleton/;

function formFor(major: number): HasGroupForm {
  return major >= FIRST_RECORD_HAS_GROUP_MAJOR ? 'record' : 'caller';
}

function ask(client: OdooClient, form: HasGroupForm, uid: number, xmlId: string): Promise<unknown> {
  const users = client.model(SETUP_MODELS.users);
  return form === 'caller'
    ? users.call('has_group', [xmlId], {}, { idempotent: true })
    : users.call('has_group', [[uid]], { group_ext_id: xmlId }, { idempotent: true });
}

function refusedForShape(error: unknown): boolean {
  if (!isOdooError(error) || error.code !== 'ODOO_BAD_REQUEST') return false;
  return WRONG_SHAPE.test(error.message);
}

/** Whether the user `uid` (the connected user) holds the group `xmlId` or one implying it. */
export async function userHasGroup(
  client: OdooClient,
  major: number,
  uid: number,
  xmlId: string,
): Promise<boolean> {
  const form = formFor(major);
  try {
    return (await ask(client, form, uid, xmlId)) === true;
  } catch (error) {
    if (!refusedForShape(error)) throw error;
    const other: HasGroupForm = form === 'caller' ? 'record' : 'caller';
    return (await ask(client, other, uid, xmlId)) === true;
  }
}

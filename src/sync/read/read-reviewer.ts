import { where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { SyncSetupError } from '../errors';
import type { OdooReader } from './odoo-reader';

/** The user id of the config's `notices.reviewer` login; null when none is configured. */
export async function readReviewerUid(
  reader: OdooReader,
  login: string | null | undefined,
): Promise<number | null> {
  if (login === null || login === undefined) return null;
  const [user] = await reader
    .model(MODELS.users)
    .searchRead(where('login', '=', login), { fields: ['id'], limit: 1 });
  if (user === undefined)
    throw new SyncSetupError(
      `No active Odoo user has the login "${login}" that notices.reviewer names in the agreements config; correct it, or set it to null so the Tally user hears of held time itself.`,
    );
  return user.id;
}

import { isOdooError } from '../../src/odoo/errors';

/** The OdooError code a call fails with, or `NO_ERROR`; anything else is rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isOdooError(error)) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

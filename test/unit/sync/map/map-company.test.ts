import { DEFAULT_TIME_ZONE, mapCompany } from '../../../../src/sync/map/map-company';
import type { Company, User } from '../../../../src/odoo/records/context-records';

const COMPANY: Company = { id: 1, currency_id: { id: 18, name: 'SEK' } };
const user = (tz: string | null): User => ({ id: 2, tz, company_id: { id: 1, name: 'Demo' } });

describe('mapCompany', () => {
  it.each([
    { case: 'the configured zone wins', tz: 'Europe/Oslo', configured: 'UTC', zone: 'UTC' },
    { case: "the user's tz", tz: 'Europe/Oslo', configured: undefined, zone: 'Europe/Oslo' },
    { case: 'the default', tz: null, configured: undefined, zone: DEFAULT_TIME_ZONE },
  ])('time zone: $case', ({ tz, configured, zone }) => {
    expect(mapCompany(COMPANY, user(tz), configured)).toEqual({
      id: '1',
      currency: 'SEK',
      timeZone: zone,
    });
  });

  it('refuses a zone that is not IANA, with a setup error', () => {
    expect(() => mapCompany(COMPANY, user('Mars/Olympus'))).toThrow(
      expect.objectContaining({ code: 'SYNC_SETUP_INVALID', retryable: false }),
    );
  });
});

import { mapTimesheet } from '../../../../src/sync/map/map-timesheet';
import { aTimesheet } from './odoo-rows';

describe('mapTimesheet', () => {
  it.each([
    { hours: 1.5, minutes: 90 },
    { hours: 0.25, minutes: 15 },
    { hours: 0.2583, minutes: 15 },
    { hours: 0.1, minutes: 6 },
    { hours: 0.0083, minutes: 0 },
    { hours: 0.0084, minutes: 1 },
    { hours: -0.25, minutes: -15 },
    { hours: 24, minutes: 1440 },
  ])('turns $hours h into $minutes whole minutes (nearest minute)', ({ hours, minutes }) => {
    const result = mapTimesheet(aTimesheet({ unit_amount: hours }));
    expect(result).toMatchObject({ ok: true, value: { minutes } });
  });

  it('keeps the calendar date as given and uses string ids', () => {
    const result = mapTimesheet(aTimesheet({ id: 7, date: '2026-01-31', name: '[Bug fix] X' }));
    expect(result).toEqual({
      ok: true,
      value: {
        id: '7',
        ticketId: '12',
        date: '2026-01-31',
        minutes: 90,
        description: '[Bug fix] X',
        companyId: '1',
      },
    });
  });

  it('maps an empty description to an empty string', () => {
    expect(mapTimesheet(aTimesheet({ name: false }))).toMatchObject({
      ok: true,
      value: { description: '' },
    });
  });

  it.each([
    { field: 'ticket_id', row: { ticket_id: false } },
    { field: 'company_id', row: { company_id: false } },
    { field: 'date', row: { date: '2026-02-30' } },
  ])('rejects a line with a bad $field, naming model, id and field', ({ field, row }) => {
    const result = mapTimesheet(aTimesheet({ id: 55, ...row }));
    expect(result).toMatchObject({
      ok: false,
      problem: { model: 'account.analytic.line', recordId: 55, path: field },
    });
  });
});

import { hoursPerTimeUom } from '../../../../src/sync/map/time-uom';

describe('hoursPerTimeUom', () => {
  it.each([
    { name: 'Hours', hours: 1 },
    { name: ' hours ', hours: 1 },
    { name: 'Days', hours: 8 },
    { name: 'Minutes', hours: 1 / 60 },
    { name: 'Units', hours: null },
    { name: 'Dozens', hours: null },
    { name: null, hours: null },
  ])('$name → $hours', ({ name, hours }) => {
    expect(hoursPerTimeUom(name)).toBe(hours);
  });
});

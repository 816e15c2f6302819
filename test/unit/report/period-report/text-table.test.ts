import { alignTable } from '../../../../src/report/period-report/text-table';

describe('alignTable', () => {
  const columns = [
    { header: 'Customer', align: 'left' },
    { header: 'Hours', align: 'right' },
  ] as const;

  it('pads every column to its widest cell, numbers to the right', () => {
    expect(
      alignTable(columns, [
        ['Östra Hamnen AB', '1.50'],
        ['Acme', '120.25'],
      ]),
    ).toEqual([
      'Customer          Hours',
      '---------------  ------',
      'Östra Hamnen AB    1.50',
      'Acme             120.25',
    ]);
  });

  it('rules off the footer and never ends a line with spaces', () => {
    const lines = alignTable(
      [...columns, { header: 'Note', align: 'left' }],
      [['A', '1.00', '']],
      [['Total', '1.00', '']],
    );
    expect(lines).toEqual([
      'Customer  Hours  Note',
      '--------  -----  ----',
      'A          1.00',
      '--------  -----  ----',
      'Total      1.00',
    ]);
  });
});

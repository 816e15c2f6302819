import { csvField, toCsv } from '../../../../src/report/period-report/csv';

describe('CSV (RFC 4180)', () => {
  it.each([
    { case: 'plain text stays bare', value: 'Acme AB', field: 'Acme AB' },
    { case: 'an empty field stays empty', value: '', field: '' },
    { case: 'a comma is quoted', value: 'Acme, Inc.', field: '"Acme, Inc."' },
    {
      case: 'a quote is doubled inside quotes',
      value: 'The "Best" AB',
      field: '"The ""Best"" AB"',
    },
    { case: 'a line feed is quoted', value: 'two\nlines', field: '"two\nlines"' },
    { case: 'a carriage return is quoted', value: 'two\r\nlines', field: '"two\r\nlines"' },
    { case: 'a semicolon needs no quotes', value: 'a; b', field: 'a; b' },
    { case: 'leading spaces are kept as they are', value: '  padded', field: '  padded' },
    { case: 'non-ASCII stays as it is', value: 'Östra Hamnen', field: 'Östra Hamnen' },
  ])('$case', ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it('ends every record, the last one too, with CRLF', () => {
    expect(
      toCsv([
        ['id', 'name'],
        ['1', 'a,b'],
      ]),
    ).toBe('id,name\r\n1,"a,b"\r\n');
  });

  it('writes nothing for no records', () => {
    expect(toCsv([])).toBe('');
  });
});

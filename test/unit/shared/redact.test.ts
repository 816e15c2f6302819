import { REDACTED, SecretScrubber } from '../../../src/shared/redact';

describe('SecretScrubber', () => {
  it('replaces a registered secret wherever it appears in text', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('hunter2-secret');
    expect(scrubber.scrub('login failed for hunter2-secret at hunter2-secret')).toBe(
      `login failed for ${REDACTED} at ${REDACTED}`,
    );
  });

  it('redacts secret-looking keys and scrubs nested values', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('k3y-value');
    expect(
      scrubber.scrubValue({
        password: 'x',
        nested: { note: 'has k3y-value inside', Authorization: 'Bearer y' },
        ids: [1, 2],
      }),
    ).toEqual({
      password: REDACTED,
      nested: { note: `has ${REDACTED} inside`, Authorization: REDACTED },
      ids: [1, 2],
    });
  });

  it.each([
    ['a JSON field', '{"password":"admin"}', `{"password":"${REDACTED}"}`],
    [
      'a URL',
      'https://tally:admin@odoo.example/jsonrpc',
      `https://tally:${REDACTED}@odoo.example/jsonrpc`,
    ],
    ['a header', 'Authorization: bearer admin', `Authorization: bearer ${REDACTED}`],
    [
      'a Python call',
      "execute_kw('db', 2, 'admin', 'res.partner')",
      `execute_kw('db', 2, '${REDACTED}', 'res.partner')`,
    ],
    [
      'a whole word of prose',
      'the password admin was refused',
      `the password ${REDACTED} was refused`,
    ],
    [
      'a word that merely contains it',
      'An administrator can grant the group',
      'An administrator can grant the group',
    ],
    ['a longer token', 'sysadmin and admin_2 and admins', 'sysadmin and admin_2 and admins'],
    ['a word in another script', 'adminö', 'adminö'],
  ])(
    'redacts a short password where it stands as a value, not inside words: %s',
    (_, text, expected) => {
      const scrubber = new SecretScrubber();
      scrubber.add('admin');
      expect(scrubber.scrub(text)).toBe(expected);
    },
  );

  it('redacts a long key even inside a longer run of characters, and a secret URL-encoded', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('0123456789abcdef0123');
    scrubber.add('p@ss w0rd');
    expect(scrubber.scrub('key=x0123456789abcdef0123y')).toBe(`key=x${REDACTED}y`);
    expect(scrubber.scrub('https://u:p%40ss%20w0rd@h/ and p@ss w0rd')).toBe(
      `https://u:${REDACTED}@h/ and ${REDACTED}`,
    );
  });

  it('redacts a password that starts or ends with punctuation wherever it appears', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('!pw!');
    expect(scrubber.scrub('x!pw!y')).toBe(`x${REDACTED}y`);
  });

  it('ignores values too short to be secrets, so ordinary words survive', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('a');
    expect(scrubber.scrub('a cat')).toBe('a cat');
  });
});

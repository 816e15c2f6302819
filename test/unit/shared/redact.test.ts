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

  it('ignores values too short to be secrets, so ordinary words survive', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('a');
    expect(scrubber.scrub('a cat')).toBe('a cat');
  });
});

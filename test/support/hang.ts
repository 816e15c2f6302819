/**
 * How long a test waits for what it expects (a process's output, a finished run, a Redis key)
 * before it calls it a hang. What takes two seconds on a quiet machine takes many times that on
 * one busy with other work, so no wait is sized to how long things usually take: every wait uses
 * this budget, which only a hang reaches. Jest's testTimeout (jest.config.js) is longer still, so a
 * hang fails with the wait's own message and the output it shows.
 */
export const HANG_MS = 300_000;

/** The signals by which a person (Ctrl+C) or a supervisor (systemd, Docker) asks a command to stop. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * Stop requests to a long-running command, from the moment it starts listening. While it listens,
 * SIGINT and SIGTERM no longer end the process by themselves, so the command must `dispose` on
 * every way out: a listener left behind would swallow the next signal.
 */
export interface StopRequests {
  /** Resolves with the first signal. */
  readonly first: Promise<StopSignal>;
  /** Resolves with the signal after the first: the request not to wait any longer. */
  readonly again: Promise<StopSignal>;
  /** Stops listening; both signals end the process again as they do by default. */
  dispose(): void;
}

type SignalSource = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

export function listenForStop(source: SignalSource = process): StopRequests {
  let onFirst: (signal: StopSignal) => void = () => undefined;
  let onAgain: (signal: StopSignal) => void = () => undefined;
  const first = new Promise<StopSignal>((resolve) => (onFirst = resolve));
  const again = new Promise<StopSignal>((resolve) => (onAgain = resolve));
  let received = 0;
  const listeners = STOP_SIGNALS.map((signal) => {
    const listener = () => {
      received += 1;
      (received === 1 ? onFirst : onAgain)(signal);
    };
    source.on(signal, listener);
    return { signal, listener };
  });
  return {
    first,
    again,
    dispose: () => {
      for (const { signal, listener } of listeners) source.off(signal, listener);
    },
  };
}

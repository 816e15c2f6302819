import { EventEmitter } from 'node:events';
import { listenForStop, STOP_SIGNALS } from '../../../src/cli/stop-requests';

const listeners = (source: EventEmitter) =>
  STOP_SIGNALS.map((signal) => source.listenerCount(signal));

describe('listenForStop', () => {
  it('reports the first signal, then the next one as the request not to wait', async () => {
    const source = new EventEmitter();
    const stop = listenForStop(source);
    source.emit('SIGTERM');
    await expect(stop.first).resolves.toBe('SIGTERM');
    source.emit('SIGINT');
    await expect(stop.again).resolves.toBe('SIGINT');
    stop.dispose();
  });

  it('hands the signals back to their default once disposed, so none is swallowed', () => {
    const source = new EventEmitter();
    const stop = listenForStop(source);
    expect(listeners(source)).toEqual([1, 1]);
    stop.dispose();
    expect(listeners(source)).toEqual([0, 0]);
  });
});

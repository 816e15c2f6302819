import type { WorkerObserver } from '../worker-observer';
import { describeJob, describeResult } from './describe-event';

const CLEAR_LINE = '\r\u001b[2K';

/**
 * A live display for a person at a terminal: one line per finished job, and a status line at the
 * bottom that is redrawn with the running jobs and their progress.
 */
export function ttyObserver(write: (text: string) => void): WorkerObserver {
  const running = new Map<string, string>();
  let done = 0;
  let failed = 0;
  const redraw = () => {
    const active = [...running.values()].slice(0, 3).join(', ');
    const more = running.size > 3 ? ` +${running.size - 3}` : '';
    write(
      `${CLEAR_LINE}[${running.size} running, ${done} done, ${failed} failed] ${active}${more}`,
    );
  };
  const settle = (jobId: string, line: string) => {
    running.delete(jobId);
    write(`${CLEAR_LINE}${line}\n`);
    redraw();
  };
  return {
    started: (event) => {
      running.set(event.jobId, describeJob(event));
      redraw();
    },
    completed: (event) => {
      done += 1;
      const result = describeResult(event.result);
      settle(
        event.jobId,
        `✓ ${describeJob(event)} ${event.seconds.toFixed(1)} s${result ? ` · ${result}` : ''}`,
      );
    },
    failed: (event) => {
      if (!event.willRetry) failed += 1;
      settle(event.jobId, `${event.willRetry ? '↻' : '✗'} ${describeJob(event)}: ${event.reason}`);
    },
    waiting: (event) => {
      write(`${CLEAR_LINE}… ${describeJob(event)} waits: ${event.reason}\n`);
      redraw();
    },
    progress: (event) => {
      running.set(event.jobId, `${describeJob(event)} ${event.done}/${event.total}`);
      redraw();
    },
  };
}

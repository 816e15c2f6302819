/**
 * Jest's own runner in two lanes: the end-to-end suites one at a time in a worker of their own,
 * every other suite in the remaining workers beside them. An e2e suite starts CLI, worker and
 * redis-server processes of its own; two of them at once on a 2-core machine starve each other
 * and everything else, while a unit or integration suite next to one costs it little (issue 15).
 */
import path from 'node:path';
import TestRunner, {
  EmittingTestRunner,
  type Config,
  type Test,
  type TestEvents,
  type TestRunnerContext,
  type TestRunnerOptions,
  type TestWatcher,
  type UnsubscribeFn,
} from 'jest-runner';

const E2E_DIR = `${path.sep}test${path.sep}e2e${path.sep}`;

const isEndToEnd = (test: Test): boolean => test.path.includes(E2E_DIR);

export default class E2eLaneRunner extends EmittingTestRunner {
  /** Every worker for every suite: runs without e2e suites, or with fewer than two workers. */
  private readonly pool: TestRunner;
  private readonly e2eLane: TestRunner;
  private readonly otherLane: TestRunner;

  constructor(globalConfig: Config.GlobalConfig, context: TestRunnerContext) {
    super(globalConfig, context);
    const runner = (maxWorkers: number) => new TestRunner({ ...globalConfig, maxWorkers }, context);
    this.pool = new TestRunner(globalConfig, context);
    this.e2eLane = runner(1);
    this.otherLane = runner(Math.max(1, globalConfig.maxWorkers - 1));
  }

  async runTests(tests: Test[], watcher: TestWatcher, options: TestRunnerOptions): Promise<void> {
    const endToEnd = tests.filter(isEndToEnd);
    const others = tests.filter((test) => !isEndToEnd(test));
    if (options.serial || this._globalConfig.maxWorkers < 2 || endToEnd.length === 0)
      return this.pool.runTests(tests, watcher, options);
    await Promise.all([
      this.e2eLane.runTests(endToEnd, watcher, options),
      others.length === 0 ? undefined : this.otherLane.runTests(others, watcher, options),
    ]);
  }

  on<Name extends keyof TestEvents>(
    eventName: Name,
    listener: (eventData: TestEvents[Name]) => void | Promise<void>,
  ): UnsubscribeFn {
    const unsubscribes = [this.pool, this.e2eLane, this.otherLane].map((lane) =>
      lane.on(eventName, listener),
    );
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }
}

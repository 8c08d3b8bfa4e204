import { EMULATED_SERVICES, EmulatedService } from '../protocol/errors';

/** What the emulator counted. @public */
export interface EmulatorStats {
  /** Calls received per service and operation, throttled and failed ones included. */
  calls: Record<EmulatedService, Record<string, number>>;
  /** Calls answered with the throttling error by the rate limiter. */
  throttled: number;
  /** Calls that got an injected fault (errors and empty pages). */
  faultsInjected: number;
}

function emptyCalls(): EmulatorStats['calls'] {
  return Object.fromEntries(
    EMULATED_SERVICES.map(s => [s, {}]),
  ) as EmulatorStats['calls'];
}

/** Counts calls per service and operation. @public */
export class CallCounter {
  #calls: EmulatorStats['calls'] = emptyCalls();
  #throttled = 0;

  count(service: EmulatedService, operation: string) {
    const calls = this.#calls[service];
    calls[operation] = (calls[operation] ?? 0) + 1;
  }

  throttle() {
    this.#throttled++;
  }

  snapshot(faultsInjected: number): EmulatorStats {
    return {
      calls: structuredClone(this.#calls),
      throttled: this.#throttled,
      faultsInjected,
    };
  }

  reset() {
    this.#calls = emptyCalls();
    this.#throttled = 0;
  }
}

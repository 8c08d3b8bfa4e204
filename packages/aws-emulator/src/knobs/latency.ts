import { EmulatedService } from '../protocol/errors';
import { Prng } from '../state/prng';

/** Latency per call, for all services or per service. @public */
export type LatencyOption = number | Partial<Record<EmulatedService, number>>;

/**
 * Delays calls: the service's latency plus a uniform jitter in
 * [-jitter, +jitter] drawn from a seeded PRNG.
 *
 * @public
 */
export class LatencyModel {
  readonly #latency: LatencyOption;
  readonly #jitter: number;
  readonly #prng: Prng;

  constructor(latency: LatencyOption = 0, jitterMs = 0, seed = 1) {
    this.#latency = latency;
    this.#jitter = jitterMs;
    this.#prng = new Prng(seed ^ 0x1a7e);
  }

  /** The delay of the next call of `service`, in ms. */
  delayFor(service: EmulatedService): number {
    const base =
      typeof this.#latency === 'number'
        ? this.#latency
        : this.#latency[service] ?? 0;
    if (base <= 0 && this.#jitter <= 0) return 0;
    const jitter = this.#jitter * (2 * this.#prng.next() - 1);
    return Math.max(0, base + jitter);
  }

  async wait(service: EmulatedService): Promise<void> {
    const delay = this.delayFor(service);
    if (delay > 0) await new Promise(r => setTimeout(r, delay));
  }
}

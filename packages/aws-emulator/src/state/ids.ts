import { Prng } from './prng';

const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

/**
 * Makes identifiers in the formats AWS uses, from a seeded {@link Prng}, and
 * never the same one twice.
 *
 * @public
 */
export class IdFactory {
  readonly #prng: Prng;
  readonly #used = new Set<string>();

  constructor(seed: number) {
    this.#prng = new Prng(seed ^ 0x5eed1d);
  }

  #unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.#used.has(id)) {
        this.#used.add(id);
        return id;
      }
    }
  }

  /** Marks an id as taken (e.g. a hand-picked account id). */
  reserve(id: string): void {
    this.#used.add(id);
  }

  /** `o-` and 10 lowercase letters or digits. */
  organizationId(): string {
    return this.#unique(() => `o-${this.#prng.chars(10, LOWER_ALNUM)}`);
  }

  /** `r-` and 4 lowercase letters or digits. */
  rootId(): string {
    return this.#unique(() => `r-${this.#prng.chars(4, LOWER_ALNUM)}`);
  }

  /** `ou-<root suffix>-` and 8 lowercase letters or digits. */
  organizationalUnitId(rootId: string): string {
    const suffix = rootId.slice(2);
    return this.#unique(
      () => `ou-${suffix}-${this.#prng.chars(8, LOWER_ALNUM)}`,
    );
  }

  /** 12 digits, not starting with 0. */
  accountId(): string {
    return this.#unique(
      () => `${this.#prng.int(1, 9)}${this.#prng.chars(11, DIGITS)}`,
    );
  }

  /** `p-` and 8 lowercase letters or digits. */
  policyId(): string {
    return this.#unique(() => `p-${this.#prng.chars(8, LOWER_ALNUM)}`);
  }

  /** `car-` and 32 lowercase letters or digits (CreateAccount request). */
  createAccountRequestId(): string {
    return this.#unique(() => `car-${this.#prng.chars(32, LOWER_ALNUM)}`);
  }

  /** `ssoins-` and 16 hex digits. */
  ssoInstanceSuffix(): string {
    return this.#unique(() => `ssoins-${this.#prng.chars(16, HEX)}`);
  }

  /** `ps-` and 16 hex digits. */
  permissionSetSuffix(): string {
    return this.#unique(() => `ps-${this.#prng.chars(16, HEX)}`);
  }

  /** `d-` and 10 hex digits. */
  identityStoreId(): string {
    return this.#unique(() => `d-${this.#prng.chars(10, HEX)}`);
  }

  /**
   * An Identity Store user, group or membership id: 10 hex digits, a dash,
   * and a UUID, e.g. `9067a1b2c3-1f2e3d4c-5b6a-7988-a1b2-c3d4e5f60718`.
   */
  identityStoreObjectId(prefix: string): string {
    return this.#unique(() => {
      const h = (n: number) => this.#prng.chars(n, HEX);
      return `${prefix}-${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}`;
    });
  }

  /** A UUID (request ids). */
  uuid(): string {
    const h = (n: number) => this.#prng.chars(n, HEX);
    return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
  }
}

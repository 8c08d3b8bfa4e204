import { EmulatedService, validationError } from './errors';

/**
 * Typed access to a request body that answers the service's validation
 * error for missing or malformed parameters.
 *
 * @public
 */
export class RequestInput {
  readonly #service: EmulatedService;
  readonly body: Record<string, unknown>;

  constructor(service: EmulatedService, body: Record<string, unknown>) {
    this.#service = service;
    this.body = body;
  }

  get service(): EmulatedService {
    return this.#service;
  }

  /** A required string parameter, optionally checked against a pattern. */
  string(name: string, pattern?: RegExp): string {
    const value = this.optionalString(name, pattern);
    if (value === undefined) {
      throw validationError(
        this.#service,
        `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
        'INPUT_REQUIRED',
      );
    }
    return value;
  }

  /** An optional string parameter. */
  optionalString(name: string, pattern?: RegExp): string | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || (pattern && !pattern.test(value))) {
      throw validationError(
        this.#service,
        `1 validation error detected: Value '${String(
          value,
        )}' at '${name}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${
          pattern?.source ?? 'string'
        }`,
        'INVALID_PATTERN',
      );
    }
    return value;
  }

  /** A required string that must be one of `values`. */
  enumValue<T extends string>(name: string, values: readonly T[]): T {
    const value = this.string(name);
    if (!values.includes(value as T)) {
      throw validationError(
        this.#service,
        `1 validation error detected: Value '${value}' at '${name}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(
          ', ',
        )}]`,
        'INVALID_ENUM',
      );
    }
    return value as T;
  }

  /** An optional object parameter. */
  optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw validationError(this.#service, `${name} must be an object`);
    }
    return value as Record<string, unknown>;
  }

  /** A required object parameter. */
  object(name: string): Record<string, unknown> {
    const value = this.optionalObject(name);
    if (!value) {
      throw validationError(
        this.#service,
        `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
        'INPUT_REQUIRED',
      );
    }
    return value;
  }

  /** An optional array parameter. */
  array(name: string): unknown[] {
    const value = this.body[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      throw validationError(this.#service, `${name} must be a list`);
    }
    return value;
  }

  /** `Tags: [{Key, Value}]` as a map. */
  tags(name = 'Tags'): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const tag of this.array(name)) {
      const { Key, Value } = (tag ?? {}) as { Key?: unknown; Value?: unknown };
      if (typeof Key !== 'string' || Key.length === 0 || Key.length > 128) {
        throw validationError(this.#service, 'Tag keys must be 1-128 chars');
      }
      tags[Key] = typeof Value === 'string' ? Value : '';
    }
    return tags;
  }
}

import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The root config key of the AWS Organizations plugins. @public */
export const AWS_ORGANIZATIONS_CONFIG_ROOT = 'awsOrganizations';

/*
 * The rules every `awsOrganizations.*` value is read with. Keys passed to
 * these helpers are relative to `awsOrganizations`; every error names the
 * full key, so startup stops with a message that says what to fix.
 */

const validator = makeValidator();

/** `awsOrganizations.<key>`. */
export function fullKey(key: string): string {
  return `${AWS_ORGANIZATIONS_CONFIG_ROOT}.${key}`;
}

/** The error for a bad value at `awsOrganizations.<key>`. */
export function invalidConfig(key: string, message: string): InputError {
  return new InputError(`Invalid config at ${fullKey(key)}: ${message}`);
}

/** Runs a Config getter, rethrowing its error with the full key named. */
export function readAt<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(`Invalid config at ${fullKey(key)}`)) {
      throw error;
    }
    throw invalidConfig(key, message);
  }
}

/**
 * The `awsOrganizations` section, or an empty one when it is absent (every
 * key has a default); a value that is not an object names the root key.
 */
export function optionalRoot(rootConfig: Config): Config {
  try {
    return (
      rootConfig.getOptionalConfig(AWS_ORGANIZATIONS_CONFIG_ROOT) ??
      new ConfigReader({}, AWS_ORGANIZATIONS_CONFIG_ROOT)
    );
  } catch (error) {
    throw new InputError(
      `Invalid config at ${AWS_ORGANIZATIONS_CONFIG_ROOT}: ${
        (error as Error).message
      }`,
    );
  }
}

export function readOptionalString(
  config: Config,
  key: string,
): string | undefined {
  return readAt(key, () => config.getOptionalString(key));
}

/**
 * An optional http(s) URL, as written (an endpoint or a queue URL); a value
 * that is not one names its key.
 */
export function readOptionalHttpUrl(
  config: Config,
  key: string,
): string | undefined {
  const value = readOptionalString(config, key);
  if (value === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidConfig(key, `"${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidConfig(key, `"${value}" must be an http(s) URL`);
  }
  return value;
}

export function readBoolean(
  config: Config,
  key: string,
  fallback: boolean,
): boolean {
  return readAt(key, () => config.getOptionalBoolean(key)) ?? fallback;
}

/**
 * A catalog namespace: the catalog's own rule (lower-case letters, digits
 * and "-", at most 63 characters), so a namespace the backend accepts is
 * one the catalog accepts.
 */
export function readNamespace(config: Config, key: string): string {
  const namespace = readOptionalString(config, key) ?? 'default';
  if (!validator.isValidNamespace(namespace)) {
    throw invalidConfig(
      key,
      `"${namespace}" is not a valid catalog namespace (lower-case letters, digits and "-", at most 63 characters)`,
    );
  }
  return namespace;
}

/**
 * An entity ref, completed with the default kind and namespace, in the
 * catalog's normal form (lower case: refs compare case-insensitively).
 */
export function parseConfiguredRef(
  key: string,
  value: string,
  options: { defaultKind: string; namespace: string; kinds?: string[] },
): string {
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: options.defaultKind,
      defaultNamespace: options.namespace,
    });
  } catch (error) {
    throw invalidConfig(
      key,
      `"${value}" is not an entity ref: ${(error as Error).message}`,
    );
  }
  const normal = {
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace.toLocaleLowerCase('en-US'),
    name: ref.name.toLocaleLowerCase('en-US'),
  };
  if (
    !validator.isValidNamespace(normal.namespace) ||
    !validator.isValidEntityName(normal.name)
  ) {
    throw invalidConfig(key, `"${value}" is not an entity ref`);
  }
  if (options.kinds && !options.kinds.includes(normal.kind)) {
    throw invalidConfig(
      key,
      `"${value}" must name a ${options.kinds
        .map(k => k[0].toLocaleUpperCase('en-US') + k.slice(1))
        .join(' or a ')}`,
    );
  }
  return stringifyEntityRef(normal);
}

export function readOneOf<T extends string>(
  config: Config,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = readOptionalString(config, key) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidConfig(key, `"${value}" must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function readPositiveInteger(
  config: Config,
  key: string,
): number | undefined {
  const value = readAt(key, () => config.getOptionalNumber(key));
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw invalidConfig(key, `${value} must be a positive integer`);
  }
  return value;
}

export function readSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(key)) {
    return fallback;
  }
  return readAt(key, () =>
    readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig(key)),
  );
}

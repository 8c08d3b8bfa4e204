import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CATALOG_CONFIG_KEY,
  DEFAULT_FALLBACK_OWNER,
  DEFAULT_SCHEDULE,
} from '../constants';

/**
 * The catalog module's settings, read from `awsOrganizations.catalog`.
 *
 * @public
 */
export interface AwsOrganizationsCatalogConfig {
  /** Namespace of the emitted entities. */
  namespace: string;
  /**
   * Full ref of the owner of entities the backend resolved no owner for
   * (source `none`).
   */
  fallbackOwner: string;
  /** Emit Group and User entities for Identity Center principals the catalog lacks. */
  emitMissingPrincipals: boolean;
  /** When the provider asks the backend for a new snapshot. */
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const key = (name: string) => `${CATALOG_CONFIG_KEY}.${name}`;

function readNamespace(config: Config | undefined): string {
  const namespace = config?.getOptionalString('namespace') ?? 'default';
  if (!makeValidator().isValidNamespace(namespace)) {
    throw new InputError(
      `Invalid config at ${key(
        'namespace',
      )}: "${namespace}" is not a valid catalog namespace (lower-case letters, digits and "-", at most 63 characters)`,
    );
  }
  return namespace;
}

function readFallbackOwner(
  config: Config | undefined,
  namespace: string,
): string {
  const value = config?.getOptionalString('fallbackOwner');
  if (value === undefined) {
    return DEFAULT_FALLBACK_OWNER;
  }
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    });
  } catch (error) {
    throw new InputError(
      `Invalid config at ${key(
        'fallbackOwner',
      )}: "${value}" is not an entity ref: ${(error as Error).message}`,
    );
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  if (kind !== 'group' && kind !== 'user') {
    throw new InputError(
      `Invalid config at ${key(
        'fallbackOwner',
      )}: "${value}" must name a Group or a User`,
    );
  }
  return stringifyEntityRef({ ...ref, kind });
}

function readSchedule(
  config: Config | undefined,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config?.getOptionalConfig('schedule');
  if (!scheduleConfig) {
    return DEFAULT_SCHEDULE;
  }
  try {
    const schedule =
      readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    return { ...schedule, scope: schedule.scope ?? 'global' };
  } catch (error) {
    throw new InputError(
      `Invalid config at ${key('schedule')}: ${(error as Error).message}`,
    );
  }
}

/**
 * Reads and validates `awsOrganizations.catalog`. Every error names the key
 * at fault.
 *
 * @public
 */
export function readProviderConfig(
  rootConfig: Config,
): AwsOrganizationsCatalogConfig {
  const config = rootConfig.getOptionalConfig(CATALOG_CONFIG_KEY);
  const namespace = readNamespace(config);
  return {
    namespace,
    fallbackOwner: readFallbackOwner(config, namespace),
    emitMissingPrincipals:
      config?.getOptionalBoolean('emitMissingPrincipals') ?? false,
    schedule: readSchedule(config),
  };
}

import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  optionalRoot,
  parseConfiguredRef,
  readBoolean,
  readNamespace,
  readOptionalString,
  readSchedule,
} from './rules';

/**
 * The catalog settings, read from `awsOrganizations.catalog`: used by the
 * catalog module for everything and by the backend plugin for the namespace,
 * so both apply the same rule to the same key.
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
  /** When the catalog provider asks the backend for a new snapshot. */
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Owner of entities whose owner the backend could not resolve. */
const DEFAULT_FALLBACK_OWNER = 'group:default/unknown';

/** How often the catalog provider asks the backend for a new snapshot. */
const DEFAULT_CATALOG_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  scope: 'global',
};

function readCatalogSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const definition = readSchedule(
    config,
    'catalog.schedule',
    DEFAULT_CATALOG_SCHEDULE,
  );
  return { ...definition, scope: definition.scope ?? 'global' };
}

/**
 * Reads and validates `awsOrganizations.catalog`. Every key has a default,
 * so a catalog module alone needs no config; every error names the key at
 * fault.
 *
 * @public
 */
export function readAwsOrganizationsCatalogConfig(
  rootConfig: Config,
): AwsOrganizationsCatalogConfig {
  const config = optionalRoot(rootConfig);
  const namespace = readNamespace(config, 'catalog.namespace');
  const fallbackOwner = readOptionalString(config, 'catalog.fallbackOwner');
  return {
    namespace,
    fallbackOwner:
      fallbackOwner === undefined
        ? DEFAULT_FALLBACK_OWNER
        : parseConfiguredRef('catalog.fallbackOwner', fallbackOwner, {
            defaultKind: 'group',
            namespace,
            kinds: ['group', 'user'],
          }),
    emitMissingPrincipals: readBoolean(
      config,
      'catalog.emitMissingPrincipals',
      false,
    ),
    schedule: readCatalogSchedule(config),
  };
}

import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  AWS_ORGANIZATIONS_CONFIG_ROOT,
  AwsOrganizationsReaderConfig,
  readAwsOrganizationsReaderConfig,
} from '@aws-governance/plugin-aws-organizations-node';

/** How Identity Center groups map to catalog Groups. @public */
export type GroupMappingRule = 'displayName' | 'externalId' | 'explicit';

/** How Identity Center users map to catalog Users. @public */
export type UserMappingRule = 'userName' | 'email';

/** Owner resolution settings (`awsOrganizations.ownership`). @public */
export interface OwnershipConfig {
  accountTagKey: string;
  unitTagKey: string;
  /** Full entity ref of the fallback owner. */
  defaultOwner?: string;
  namespace: string;
}

/** Principal mapping settings (`awsOrganizations.identityCenter`). @public */
export interface PrincipalMappingConfig {
  groupRule: GroupMappingRule;
  /** Identity Store group id or display name -> full entity ref. */
  groupMap: Record<string, string>;
  /** Catalog Group annotation holding the IdP id, for the externalId rule. */
  externalIdAnnotation?: string;
  userRule: UserMappingRule;
}

/** Change log retention (`awsOrganizations.history`). @public */
export interface HistoryConfig {
  retentionDays: number;
  maxEntries?: number;
}

/**
 * The whole `awsOrganizations` config as the backend plugin uses it.
 *
 * @public
 */
export interface AwsOrganizationsBackendConfig {
  enabled: boolean;
  reader: AwsOrganizationsReaderConfig;
  schedule: SchedulerServiceTaskScheduleDefinition;
  ownership: OwnershipConfig;
  mapping: PrincipalMappingConfig;
  history: HistoryConfig;
  /** When owners and principals are resolved against the catalog again. */
  resolutionSchedule: SchedulerServiceTaskScheduleDefinition;
  /** Namespace of the AWS entities (`awsOrganizations.catalog.namespace`). */
  catalogNamespace: string;
}

/** Default schedule: every 30 minutes, 15 minutes timeout, soon after startup. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 5 },
};

/** Default re-resolution against the catalog: every 2 minutes. */
export const DEFAULT_RESOLUTION_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 2 },
    timeout: { minutes: 1 },
    initialDelay: { seconds: 30 },
  };

const DEFAULT_RETENTION_DAYS = 365;
const ENTITY_NAME = /^([A-Za-z0-9][-_.]?)*[A-Za-z0-9]$/;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

const fullKey = (key: string) => `${AWS_ORGANIZATIONS_CONFIG_ROOT}.${key}`;

function invalid(key: string, message: string): InputError {
  return new InputError(`Invalid config at ${fullKey(key)}: ${message}`);
}

/** Runs a Config getter, rethrowing its error with the full key named. */
function read<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof InputError && message.includes(fullKey(key))) {
      throw error;
    }
    throw invalid(key, message);
  }
}

function readTagKey(config: Config, key: string): string {
  const value = read(key, () => config.getOptionalString(key)) ?? 'owner';
  if (!TAG_KEY.test(value)) {
    throw invalid(key, `"${value}" is not a valid AWS tag key`);
  }
  return value;
}

function readRef(
  key: string,
  value: string,
  defaultKind: string,
  namespace: string,
): string {
  try {
    const ref = parseEntityRef(value, {
      defaultKind,
      defaultNamespace: namespace,
    });
    if (!ENTITY_NAME.test(ref.name) || !ENTITY_NAME.test(ref.namespace)) {
      throw new Error('bad name');
    }
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    throw invalid(key, `"${value}" is not an entity ref`);
  }
}

function readOwnership(config: Config): OwnershipConfig {
  const namespace = readNamespace(config, 'ownership.namespace');
  const defaultOwner = read('ownership.defaultOwner', () =>
    config.getOptionalString('ownership.defaultOwner'),
  );
  return {
    accountTagKey: readTagKey(config, 'ownership.accountTagKey'),
    unitTagKey: readTagKey(config, 'ownership.unitTagKey'),
    namespace,
    defaultOwner:
      defaultOwner === undefined
        ? undefined
        : readRef('ownership.defaultOwner', defaultOwner, 'group', namespace),
  };
}

function readOneOf<T extends string>(
  config: Config,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = read(key, () => config.getOptionalString(key)) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalid(key, `"${value}" must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function readMapping(
  config: Config,
  namespace: string,
): PrincipalMappingConfig {
  const groupRule = readOneOf<GroupMappingRule>(
    config,
    'identityCenter.groupMapping.rule',
    ['displayName', 'externalId', 'explicit'],
    'displayName',
  );
  const mapKey = 'identityCenter.groupMapping.map';
  const mapConfig = read(mapKey, () => config.getOptionalConfig(mapKey));
  const groupMap: Record<string, string> = {};
  for (const from of mapConfig?.keys() ?? []) {
    const to = read(`${mapKey}.${from}`, () => mapConfig!.getString(from));
    groupMap[from] = readRef(`${mapKey}.${from}`, to, 'group', namespace);
  }
  if (groupRule === 'explicit' && Object.keys(groupMap).length === 0) {
    throw invalid(mapKey, 'the explicit rule needs at least one entry');
  }
  const annotationKey = 'identityCenter.groupMapping.externalIdAnnotation';
  const externalIdAnnotation = read(annotationKey, () =>
    config.getOptionalString(annotationKey),
  );
  if (groupRule === 'externalId' && !externalIdAnnotation) {
    throw invalid(annotationKey, 'the externalId rule needs an annotation');
  }
  return {
    groupRule,
    groupMap,
    externalIdAnnotation,
    userRule: readOneOf<UserMappingRule>(
      config,
      'identityCenter.userMapping.rule',
      ['userName', 'email'],
      'userName',
    ),
  };
}

function readPositiveInteger(config: Config, key: string): number | undefined {
  const value = read(key, () => config.getOptionalNumber(key));
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw invalid(key, `${value} must be a positive integer`);
  }
  return value;
}

function readSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(key)) {
    return fallback;
  }
  return read(key, () =>
    readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig(key)),
  );
}

function readNamespace(config: Config, key: string): string {
  const namespace = read(key, () => config.getOptionalString(key)) ?? 'default';
  if (!ENTITY_NAME.test(namespace) || namespace.length > 63) {
    throw invalid(key, `"${namespace}" is not a namespace`);
  }
  return namespace;
}

/**
 * Reads and validates the `awsOrganizations` config. Every error names the
 * key at fault, so that a bad value stops the backend at startup with a
 * message that says what to fix.
 *
 * @public
 */
export function readAwsOrganizationsBackendConfig(
  rootConfig: Config,
): AwsOrganizationsBackendConfig {
  const reader = readAwsOrganizationsReaderConfig(rootConfig);
  const config = rootConfig.getConfig(AWS_ORGANIZATIONS_CONFIG_ROOT);
  const ownership = readOwnership(config);
  return {
    enabled:
      read('enabled', () => config.getOptionalBoolean('enabled')) ?? true,
    reader,
    schedule: readSchedule(config, 'schedule', DEFAULT_SCHEDULE),
    resolutionSchedule: readSchedule(
      config,
      'resolution.schedule',
      DEFAULT_RESOLUTION_SCHEDULE,
    ),
    catalogNamespace: readNamespace(config, 'catalog.namespace'),
    ownership,
    mapping: readMapping(config, ownership.namespace),
    history: {
      retentionDays:
        readPositiveInteger(config, 'history.retentionDays') ??
        DEFAULT_RETENTION_DAYS,
      maxEntries: readPositiveInteger(config, 'history.maxEntries'),
    },
  };
}

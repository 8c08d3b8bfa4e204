import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AwsOrganizationsCatalogConfig,
  readAwsOrganizationsCatalogConfig,
} from './catalog';
import { AwsOrganizationsEventsConfig, readEventsConfig } from './events';
import {
  AwsOrganizationsReaderConfig,
  readAwsOrganizationsReaderConfig,
} from './reader';
import {
  AWS_ORGANIZATIONS_CONFIG_ROOT,
  invalidConfig,
  parseConfiguredRef,
  readAt,
  readBoolean,
  readNamespace,
  readOneOf,
  readOptionalString,
  readPositiveInteger,
  readSchedule,
} from './rules';

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
  /** Identity Store group id or display name, mapped to a full entity ref. */
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

/** Cross-account reach through roles (`awsOrganizations.reach`). @public */
export interface ReachConfig {
  /**
   * Role hops followed after a permission set's Identity Center role
   * (`awsOrganizations.reach.maxDepth`, 1 to 5, default 3).
   */
  maxDepth: number;
}

/** Access reviews (`awsOrganizations.reviews`). @public */
export interface ReviewsConfig {
  /**
   * When recurring campaigns are started, reminders sent and remediation
   * entries checked (`awsOrganizations.reviews.schedule`).
   */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Days before the due date of the "due soon" reminder (default 7). */
  reminderDays: number;
  /**
   * Days a revoked grant may stay assigned before the rule
   * `review-revocation-applied` fails (default 7).
   */
  revocationGraceDays: number;
}

/**
 * Default schedule of the reviews task: every 10 minutes.
 *
 * @public
 */
export const DEFAULT_REVIEWS_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
  };

/** The default and largest role-hop depth of the reach index. @public */
export const REACH_DEPTH = { default: 3, max: 5 } as const;

/**
 * The whole `awsOrganizations` config, read once at startup by the backend
 * plugin.
 *
 * @public
 */
export interface AwsOrganizationsConfig {
  enabled: boolean;
  /** How the reader reaches AWS (`region`, `roleArn`, `endpoints` ...). */
  reader: AwsOrganizationsReaderConfig;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** When owners and principals are resolved against the catalog again. */
  resolutionSchedule: SchedulerServiceTaskScheduleDefinition;
  ownership: OwnershipConfig;
  mapping: PrincipalMappingConfig;
  history: HistoryConfig;
  reach: ReachConfig;
  reviews: ReviewsConfig;
  /** `awsOrganizations.catalog`, read by the same rules as the catalog module. */
  catalog: AwsOrganizationsCatalogConfig;
  /** Incremental updates from CloudTrail events (`awsOrganizations.events`). */
  events: AwsOrganizationsEventsConfig;
}

/**
 * Default sync schedule: every 30 minutes, 15 minutes timeout, soon after
 * startup.
 *
 * @public
 */
export const DEFAULT_SYNC_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 5 },
};

/**
 * Default re-resolution against the catalog: every 2 minutes.
 *
 * @public
 */
export const DEFAULT_RESOLUTION_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 2 },
    timeout: { minutes: 1 },
    initialDelay: { seconds: 30 },
  };

const DEFAULT_RETENTION_DAYS = 365;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

function readTagKey(config: Config, key: string): string {
  const value = readOptionalString(config, key) ?? 'owner';
  if (!TAG_KEY.test(value)) {
    throw invalidConfig(key, `"${value}" is not a valid AWS tag key`);
  }
  return value;
}

function readReach(config: Config): ReachConfig {
  const key = 'reach.maxDepth';
  const maxDepth = readPositiveInteger(config, key) ?? REACH_DEPTH.default;
  if (maxDepth > REACH_DEPTH.max) {
    throw invalidConfig(
      key,
      `${maxDepth} is too deep: follow at most ${REACH_DEPTH.max} role hops`,
    );
  }
  return { maxDepth };
}

function readOwnership(config: Config): OwnershipConfig {
  const namespace = readNamespace(config, 'ownership.namespace');
  const defaultOwner = readOptionalString(config, 'ownership.defaultOwner');
  return {
    accountTagKey: readTagKey(config, 'ownership.accountTagKey'),
    unitTagKey: readTagKey(config, 'ownership.unitTagKey'),
    namespace,
    defaultOwner:
      defaultOwner === undefined
        ? undefined
        : parseConfiguredRef('ownership.defaultOwner', defaultOwner, {
            defaultKind: 'group',
            namespace,
          }),
  };
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
  const mapConfig = readAt(mapKey, () => config.getOptionalConfig(mapKey));
  const groupMap: Record<string, string> = {};
  for (const from of mapConfig?.keys() ?? []) {
    const to = readAt(`${mapKey}.${from}`, () => mapConfig!.getString(from));
    groupMap[from] = parseConfiguredRef(`${mapKey}.${from}`, to, {
      defaultKind: 'group',
      namespace,
    });
  }
  if (groupRule === 'explicit' && Object.keys(groupMap).length === 0) {
    throw invalidConfig(mapKey, 'the explicit rule needs at least one entry');
  }
  const annotationKey = 'identityCenter.groupMapping.externalIdAnnotation';
  const externalIdAnnotation = readOptionalString(config, annotationKey);
  if (groupRule === 'externalId' && !externalIdAnnotation) {
    throw invalidConfig(
      annotationKey,
      'the externalId rule needs an annotation',
    );
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

/**
 * Reads and validates the whole `awsOrganizations` config once: the reader
 * settings, the sync and resolution schedules, ownership, principal
 * mapping, history and the catalog section. Every error names the full key
 * at fault (e.g. `awsOrganizations.ownership.namespace`), so a bad value
 * stops the backend at startup with a message that says what to fix.
 *
 * @public
 */
export function readAwsOrganizationsConfig(
  rootConfig: Config,
): AwsOrganizationsConfig {
  const reader = readAwsOrganizationsReaderConfig(rootConfig);
  const config = rootConfig.getConfig(AWS_ORGANIZATIONS_CONFIG_ROOT);
  const ownership = readOwnership(config);
  return {
    enabled: readBoolean(config, 'enabled', true),
    reader,
    schedule: readSchedule(config, 'schedule', DEFAULT_SYNC_SCHEDULE),
    resolutionSchedule: readSchedule(
      config,
      'resolution.schedule',
      DEFAULT_RESOLUTION_SCHEDULE,
    ),
    ownership,
    mapping: readMapping(config, ownership.namespace),
    history: {
      retentionDays:
        readPositiveInteger(config, 'history.retentionDays') ??
        DEFAULT_RETENTION_DAYS,
      maxEntries: readPositiveInteger(config, 'history.maxEntries'),
    },
    reach: readReach(config),
    reviews: {
      schedule: readSchedule(
        config,
        'reviews.schedule',
        DEFAULT_REVIEWS_SCHEDULE,
      ),
      reminderDays: readPositiveInteger(config, 'reviews.reminderDays') ?? 7,
      revocationGraceDays:
        readPositiveInteger(config, 'reviews.revocationGraceDays') ?? 7,
    },
    catalog: readAwsOrganizationsCatalogConfig(rootConfig),
    events: readEventsConfig(rootConfig, config),
  };
}

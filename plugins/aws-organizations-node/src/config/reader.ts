import { Config } from '@backstage/config';
import type { RateLimitKey, ReaderRateLimits } from '../reader/rateLimit';
import { readSignalsConfig, SignalsConfig } from './signals';
import {
  AWS_ORGANIZATIONS_CONFIG_ROOT,
  invalidConfig,
  readAt,
  readBoolean,
  readOptionalHttpUrl,
  readOptionalString,
} from './rules';

/**
 * How the reader reaches AWS.
 *
 * @public
 */
export interface AwsOrganizationsReaderConfig {
  /** Region of the Organizations / Identity Center endpoints. */
  region: string;
  /**
   * Account whose credentials (from the `aws` integration config) are used;
   * defaults to `aws.mainAccount`.
   */
  accountId?: string;
  /** Role to assume in the management or delegated administrator account. */
  roleArn?: string;
  /** External id for the role assumption. */
  externalId?: string;
  /** Endpoint overrides per service, for emulators and VPC endpoints. */
  endpoints: {
    organizations?: string;
    ssoAdmin?: string;
    identityStore?: string;
    iam?: string;
    sts?: string;
    config?: string;
    securityHub?: string;
    accessAnalyzer?: string;
    cloudTrail?: string;
  };
  /**
   * Optional bounds per rate budget (`organizations`, `identityCenter`, or
   * `ssoAdmin` / `identityStore` configured apart): a `tps` cap, a `burst`
   * and a `concurrency`. The reader finds the real rates by itself; a cap
   * only keeps it lower, to leave headroom to other tools.
   */
  rateLimits: ReaderRateLimits;
  /**
   * The role is in a delegated administrator account of IAM Identity
   * Center: assignments are listed per permission set. Default false (the
   * reader still switches when AWS denies the per-principal listing).
   */
  delegatedAdministrator: boolean;
  /** Where IAM roles and users come from; absent: they are not read. */
  roles?: RolesSourceConfig;
  /** AWS's detectors (`signals`); absent: no source is on. */
  signals?: SignalsConfig;
}

/**
 * The roles source (`awsOrganizations.roles`): an AWS Config aggregator
 * (organization-wide, one query family for every account), or a read-only
 * role assumed in each member account.
 *
 * @public
 */
export type RolesSourceConfig =
  | {
      source: 'config-aggregator';
      /** The aggregator's name. */
      aggregatorName: string;
      /** The aggregator's region; default the reader's region. */
      region: string;
      /**
       * The account that owns the aggregator (usually Config's delegated
       * administrator); with `roleName`, the role assumed there. Without,
       * the reader's own credentials query the aggregator.
       */
      accountId?: string;
      roleName?: string;
      externalId?: string;
    }
  | {
      source: 'account-role';
      /** The role's name in every member account (e.g. from a StackSet). */
      roleName: string;
      externalId?: string;
      /** Accounts read at once; default 8 (each within the IAM and STS budgets). */
      concurrency: number;
    };

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

function readRoleName(config: Config, key: string, required: boolean) {
  const value = readOptionalString(config, key);
  if (value === undefined) {
    if (required) throw invalidConfig(key, 'is required');
    return undefined;
  }
  if (!ROLE_NAME_PATTERN.test(value)) {
    throw invalidConfig(key, `"${value}" is not an IAM role name`);
  }
  return value;
}

function readRolesSource(
  config: Config,
  defaultRegion: string,
): RolesSourceConfig | undefined {
  const roles = readAt('roles', () => config.getOptionalConfig('roles'));
  if (!roles) return undefined;
  const source = readOptionalString(config, 'roles.source');
  if (source === 'none') return undefined;
  if (source === 'config-aggregator') {
    const aggregatorName = readOptionalString(config, 'roles.aggregatorName');
    if (!aggregatorName || !/^[\w-]{1,256}$/.test(aggregatorName)) {
      throw invalidConfig(
        'roles.aggregatorName',
        aggregatorName === undefined
          ? 'is required with source config-aggregator'
          : `"${aggregatorName}" is not a Config aggregator name`,
      );
    }
    const region = readOptionalString(config, 'roles.region') ?? defaultRegion;
    if (!REGION_PATTERN.test(region)) {
      throw invalidConfig(
        'roles.region',
        `"${region}" is not an AWS region name`,
      );
    }
    const accountId = readOptionalString(config, 'roles.accountId');
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
      throw invalidConfig(
        'roles.accountId',
        `"${accountId}" is not a 12-digit AWS account id`,
      );
    }
    const roleName = readRoleName(config, 'roles.roleName', false);
    if ((roleName === undefined) !== (accountId === undefined)) {
      throw invalidConfig(
        roleName === undefined ? 'roles.roleName' : 'roles.accountId',
        'roles.accountId and roles.roleName go together (the role to assume in the aggregator account)',
      );
    }
    const externalId = readOptionalString(config, 'roles.externalId');
    if (externalId !== undefined && roleName === undefined) {
      throw invalidConfig(
        'roles.externalId',
        'is only used with roles.roleName',
      );
    }
    return {
      source,
      aggregatorName,
      region,
      ...(accountId ? { accountId, roleName } : {}),
      ...(externalId ? { externalId } : {}),
    };
  }
  if (source === 'account-role') {
    const roleName = readRoleName(config, 'roles.roleName', true)!;
    const concurrency =
      readAt('roles.concurrency', () =>
        config.getOptionalNumber('roles.concurrency'),
      ) ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw invalidConfig(
        'roles.concurrency',
        `${concurrency} must be an integer from 1 to 64`,
      );
    }
    const externalId = readOptionalString(config, 'roles.externalId');
    return {
      source,
      roleName,
      concurrency,
      ...(externalId ? { externalId } : {}),
    };
  }
  throw invalidConfig(
    'roles.source',
    `${JSON.stringify(source)}: use config-aggregator, account-role or none`,
  );
}

const BUDGETS: RateLimitKey[] = [
  'organizations',
  'identityCenter',
  'ssoAdmin',
  'identityStore',
  'iam',
  'sts',
  'config',
  'securityHub',
  'accessAnalyzer',
  'cloudTrail',
];
const LIMIT_KEYS = ['tps', 'burst', 'concurrency'] as const;

function readRateLimits(
  config: Config,
): AwsOrganizationsReaderConfig['rateLimits'] {
  const result: AwsOrganizationsReaderConfig['rateLimits'] = {};
  const limits = readAt('rateLimits', () =>
    config.getOptionalConfig('rateLimits'),
  );
  for (const service of limits?.keys() ?? []) {
    const at = `rateLimits.${service}`;
    if (!(BUDGETS as string[]).includes(service)) {
      throw invalidConfig(at, `unknown service; use ${BUDGETS.join(', ')}`);
    }
    const serviceConfig = readAt(at, () => limits!.getConfig(service));
    const limit: Record<string, number> = {};
    for (const key of serviceConfig.keys()) {
      if (!(LIMIT_KEYS as readonly string[]).includes(key)) {
        throw invalidConfig(
          `${at}.${key}`,
          `unknown key; use ${LIMIT_KEYS.join(', ')}`,
        );
      }
      const value = serviceConfig.getOptional(key);
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw invalidConfig(
          `${at}.${key}`,
          `${JSON.stringify(value)} must be a positive number`,
        );
      }
      limit[key as (typeof LIMIT_KEYS)[number]] = value;
    }
    result[service as RateLimitKey] = limit;
  }
  return result;
}

const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function optionalUrl(config: Config, key: string): string | undefined {
  return readOptionalHttpUrl(config, key)?.replace(/\/+$/, '');
}

/**
 * Reads and validates the reader part of the `awsOrganizations` config.
 * Every error names the config key at fault, so startup fails with a message
 * that says what to fix. The backend reads it once, as part of
 * {@link readAwsOrganizationsConfig}; call this one only where the reader is
 * used alone (a CLI, a script).
 *
 * @public
 */
export function readAwsOrganizationsReaderConfig(
  rootConfig: Config,
): AwsOrganizationsReaderConfig {
  const config = rootConfig.getConfig(AWS_ORGANIZATIONS_CONFIG_ROOT);

  const region = readOptionalString(config, 'region') ?? 'us-east-1';
  if (!REGION_PATTERN.test(region)) {
    throw invalidConfig('region', `"${region}" is not an AWS region name`);
  }
  const accountId = readOptionalString(config, 'accountId');
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw invalidConfig(
      'accountId',
      `"${accountId}" is not a 12-digit AWS account id`,
    );
  }
  const roleArn = readOptionalString(config, 'roleArn');
  if (roleArn !== undefined && !ROLE_ARN_PATTERN.test(roleArn)) {
    throw invalidConfig('roleArn', `"${roleArn}" is not an IAM role ARN`);
  }
  const externalId = readOptionalString(config, 'externalId');
  if (externalId !== undefined && roleArn === undefined) {
    throw invalidConfig(
      'externalId',
      `an external id is only used with ${AWS_ORGANIZATIONS_CONFIG_ROOT}.roleArn`,
    );
  }
  return {
    region,
    accountId,
    roleArn,
    externalId,
    endpoints: {
      organizations: optionalUrl(config, 'endpoints.organizations'),
      ssoAdmin: optionalUrl(config, 'endpoints.ssoAdmin'),
      identityStore: optionalUrl(config, 'endpoints.identityStore'),
      iam: optionalUrl(config, 'endpoints.iam'),
      sts: optionalUrl(config, 'endpoints.sts'),
      config: optionalUrl(config, 'endpoints.config'),
      securityHub: optionalUrl(config, 'endpoints.securityHub'),
      accessAnalyzer: optionalUrl(config, 'endpoints.accessAnalyzer'),
      cloudTrail: optionalUrl(config, 'endpoints.cloudTrail'),
    },
    rateLimits: readRateLimits(config),
    delegatedAdministrator: readBoolean(
      config,
      'delegatedAdministrator',
      false,
    ),
    roles: readRolesSource(config, region),
    signals: readSignalsConfig(config, region),
  };
}

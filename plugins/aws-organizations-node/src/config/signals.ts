import { Config } from '@backstage/config';
import {
  invalidConfig,
  readAt,
  readBoolean,
  readOptionalString,
} from './rules';

/**
 * Where one signal source is read: the region, and the account that reads
 * it (a delegated administrator) with the role to assume there. Without
 * `accountId`/`roleName` the reader's own credentials read it.
 *
 * @public
 */
export interface SignalSourceConfig {
  region: string;
  accountId?: string;
  roleName?: string;
  externalId?: string;
}

/**
 * The detectors (`awsOrganizations.signals`), each optional and configured
 * on its own: a source that is absent, or has `enabled: false`, is off.
 *
 * @public
 */
export interface SignalsConfig {
  /** Security Hub (the OCSF API), read from its delegated administrator. */
  securityHub?: SignalSourceConfig;
  /**
   * IAM Access Analyzer: the organization analyzers of the account. Its
   * per-account counts come through Security Hub's integration.
   */
  accessAnalyzer?: SignalSourceConfig;
  /** AWS Config: the aggregator's compliance summaries. */
  config?: SignalSourceConfig & { aggregatorName: string };
  /** CloudTrail: the organization trail, from the management account by default. */
  cloudTrail?: SignalSourceConfig;
  /**
   * The ages (days) of active critical and high findings counted per
   * account (`agedCriticalHigh`); default `[30]`, at most 3.
   */
  agedFindingDays: number[];
}

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
const SOURCE_KEYS = ['securityHub', 'accessAnalyzer', 'config', 'cloudTrail'];
const COMMON_KEYS = [
  'enabled',
  'region',
  'accountId',
  'roleName',
  'externalId',
];

function readSource(
  config: Config,
  key: string,
  defaultRegion: string,
  extraKeys: string[] = [],
): SignalSourceConfig | undefined {
  const source = readAt(key, () => config.getOptionalConfig(key));
  if (!source) return undefined;
  for (const name of source.keys()) {
    if (![...COMMON_KEYS, ...extraKeys].includes(name)) {
      throw invalidConfig(
        `${key}.${name}`,
        `unknown key; use ${[...COMMON_KEYS, ...extraKeys].join(', ')}`,
      );
    }
  }
  if (!readBoolean(config, `${key}.enabled`, true)) return undefined;
  const region = readOptionalString(config, `${key}.region`) ?? defaultRegion;
  if (!REGION_PATTERN.test(region)) {
    throw invalidConfig(
      `${key}.region`,
      `"${region}" is not an AWS region name`,
    );
  }
  const accountId = readOptionalString(config, `${key}.accountId`);
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw invalidConfig(
      `${key}.accountId`,
      `"${accountId}" is not a 12-digit AWS account id`,
    );
  }
  const roleName = readOptionalString(config, `${key}.roleName`);
  if (roleName !== undefined && !ROLE_NAME_PATTERN.test(roleName)) {
    throw invalidConfig(
      `${key}.roleName`,
      `"${roleName}" is not an IAM role name`,
    );
  }
  if ((roleName === undefined) !== (accountId === undefined)) {
    throw invalidConfig(
      roleName === undefined ? `${key}.roleName` : `${key}.accountId`,
      `${key}.accountId and ${key}.roleName go together (the role to assume in the account that reads the source)`,
    );
  }
  const externalId = readOptionalString(config, `${key}.externalId`);
  if (externalId !== undefined && roleName === undefined) {
    throw invalidConfig(
      `${key}.externalId`,
      `is only used with ${key}.roleName`,
    );
  }
  return {
    region,
    ...(accountId ? { accountId, roleName } : {}),
    ...(externalId ? { externalId } : {}),
  };
}

function readAgedDays(config: Config): number[] {
  const key = 'signals.agedFindingDays';
  const days = readAt(key, () => config.getOptional(key));
  if (days === undefined) return [30];
  if (
    !Array.isArray(days) ||
    days.length < 1 ||
    days.length > 3 ||
    !days.every(
      d => typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 3650,
    )
  ) {
    throw invalidConfig(
      key,
      `${JSON.stringify(days)} must be 1 to 3 whole days from 1 to 3650`,
    );
  }
  return [...new Set(days as number[])].sort((a, b) => a - b);
}

/**
 * Reads `awsOrganizations.signals`; undefined when no source is on. Every
 * error names the key at fault.
 */
export function readSignalsConfig(
  config: Config,
  defaultRegion: string,
): SignalsConfig | undefined {
  const signals = readAt('signals', () => config.getOptionalConfig('signals'));
  if (!signals) return undefined;
  for (const name of signals.keys()) {
    if (![...SOURCE_KEYS, 'agedFindingDays'].includes(name)) {
      throw invalidConfig(
        `signals.${name}`,
        `unknown key; use ${[...SOURCE_KEYS, 'agedFindingDays'].join(', ')}`,
      );
    }
  }
  const securityHub = readSource(config, 'signals.securityHub', defaultRegion);
  const accessAnalyzer = readSource(
    config,
    'signals.accessAnalyzer',
    defaultRegion,
  );
  const cloudTrail = readSource(config, 'signals.cloudTrail', defaultRegion);
  const configSource = readSource(config, 'signals.config', defaultRegion, [
    'aggregatorName',
  ]);
  let configWithAggregator: SignalsConfig['config'];
  if (configSource) {
    const aggregatorName = readOptionalString(
      config,
      'signals.config.aggregatorName',
    );
    if (!aggregatorName || !/^[\w-]{1,256}$/.test(aggregatorName)) {
      throw invalidConfig(
        'signals.config.aggregatorName',
        aggregatorName === undefined
          ? 'is required when signals.config is on'
          : `"${aggregatorName}" is not a Config aggregator name`,
      );
    }
    configWithAggregator = { ...configSource, aggregatorName };
  }
  const agedFindingDays = readAgedDays(config);
  if (!securityHub && !accessAnalyzer && !cloudTrail && !configWithAggregator) {
    return undefined;
  }
  return {
    ...(securityHub ? { securityHub } : {}),
    ...(accessAnalyzer ? { accessAnalyzer } : {}),
    ...(configWithAggregator ? { config: configWithAggregator } : {}),
    ...(cloudTrail ? { cloudTrail } : {}),
    agedFindingDays,
  };
}

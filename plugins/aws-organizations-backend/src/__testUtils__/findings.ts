import {
  CONFIG_AGGREGATOR_NAME,
  DEMO_SIGNAL_ACCOUNTS,
  IAM_READER_ROLE,
  RunningEmulator,
} from '@aws-governance/aws-emulator';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import permissionBackend from '@backstage/plugin-permission-backend';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  AWS_ACCOUNT_RESOURCE_TYPE,
  awsOrganizationsFindingCountsReadPermission,
  awsOrganizationsFindingsReadPermission,
  OrganizationSnapshot,
  SecuritySignalsSnapshot,
  SeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  awsAccountConditions,
  createAwsAccountConditionalDecision,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { pluginConfig, startPlugin } from './backend';
import { governanceResolution, governanceSnapshot } from './governance';
import {
  actorPreservingAuth,
  ADMIN_GROUP,
  storeSnapshot,
  teamsUserInfo,
} from './reviews';

export function severities(
  counts: Partial<SeverityCounts> = {},
): SeverityCounts {
  return {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    ...counts,
  };
}

/**
 * Signals of the governance snapshot: every source connected; payments-dev
 * (222222222222, payments) holds a critical and two high Security Hub
 * findings and an external access finding; Sandbox-B (555555555555,
 * platform) three medium ones.
 */
export function fixtureSignals(): SecuritySignalsSnapshot {
  const connected = {
    status: 'connected' as const,
    region: 'us-east-1',
    calls: 1,
  };
  return {
    sources: {
      'security-hub': connected,
      'access-analyzer': connected,
      config: connected,
      cloudtrail: connected,
    },
    serviceAccess: [],
    findings: {
      '222222222222': {
        byOrigin: {
          'security-hub': severities({ CRITICAL: 1, HIGH: 2 }),
          'access-analyzer-external': severities({ HIGH: 1 }),
        },
        agedCriticalHigh: [{ days: 30, count: 1 }],
        externalAccess: 1,
      },
      '555555555555': {
        byOrigin: { 'security-hub': severities({ MEDIUM: 3 }) },
        agedCriticalHigh: [{ days: 30, count: 0 }],
      },
    },
    config: {
      '222222222222': {
        rules: { compliant: 4, nonCompliant: 1, insufficientData: 0 },
        conformancePacks: [],
        nonCompliantRules: ['s3-bucket-logging-enabled'],
      },
    },
    organizationTrail: { trails: [] },
    analyzers: [
      {
        arn: 'arn:aws:access-analyzer:us-east-1:111111111111:analyzer/org',
        name: 'org',
        type: 'ORGANIZATION',
        status: 'ACTIVE',
        activeFindings: 1,
      },
    ],
    agedFindingDays: [30],
  };
}

/** The governance snapshot with {@link fixtureSignals}. */
export function findingsSnapshot(): OrganizationSnapshot {
  return { ...governanceSnapshot(), signals: fixtureSignals() };
}

/**
 * The demo's policy for findings: the admin group may do everything;
 * others read the findings of accounts their team owns (a conditional
 * decision), and the counts of every account (`counts: 'everyone'`) or
 * only of their team's (`'owners'`).
 */
export function findingsPolicyModule(counts: 'everyone' | 'owners') {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'findings-test-policy',
    register(env) {
      env.registerInit({
        deps: {
          policy: policyExtensionPoint,
          userInfo: coreServices.userInfo,
        },
        async init({ policy, userInfo }) {
          policy.setPolicy({
            async handle(req, user) {
              if (!user) return { result: AuthorizeResult.DENY };
              const { ownershipEntityRefs: claims } =
                await userInfo.getUserInfo(user.credentials);
              if (claims.includes(ADMIN_GROUP)) {
                return { result: AuthorizeResult.ALLOW };
              }
              if (
                req.permission.name ===
                  awsOrganizationsFindingCountsReadPermission.name &&
                counts === 'everyone'
              ) {
                return { result: AuthorizeResult.ALLOW };
              }
              if (
                isResourcePermission(
                  req.permission,
                  AWS_ACCOUNT_RESOURCE_TYPE,
                ) &&
                [
                  awsOrganizationsFindingsReadPermission.name,
                  awsOrganizationsFindingCountsReadPermission.name,
                ].includes(req.permission.name)
              ) {
                return createAwsAccountConditionalDecision(
                  req.permission,
                  awsAccountConditions.isAccountOwner({ claims }),
                );
              }
              return { result: AuthorizeResult.ALLOW };
            },
          });
        },
      });
    },
  });
}

/**
 * The plugin with the real permission framework and the findings policy,
 * on `databaseId`, holding the findings snapshot (unless `stored: false`).
 */
export async function startFindingsApi(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: {
    knex?: Knex;
    config?: JsonObject;
    counts?: 'everyone' | 'owners';
    stored?: boolean;
    /** Catalog Groups and Users the owners resolve to. */
    entities?: Entity[];
  } = {},
) {
  const knex = options.knex ?? (await databases.init(databaseId));
  const backend = await startPlugin({
    knex,
    config: {
      ...pluginConfig(),
      permission: { enabled: true },
      ...options.config,
    },
    entities: options.entities,
    features: [
      permissionsServiceFactory,
      actorPreservingAuth,
      permissionBackend,
      findingsPolicyModule(options.counts ?? 'everyone'),
      teamsUserInfo,
    ],
  });
  const store = new AwsOrganizationsStore(knex);
  if (options.stored !== false) {
    await storeSnapshot(store, findingsSnapshot(), governanceResolution());
  }
  return {
    api: request(backend.server),
    server: backend.server as Server,
    stop: (): Promise<void> => backend.stop(),
    store,
    knex,
  };
}

/** The demo's app-config: every signal source on, against the emulator. */
export function emulatorSignalsConfig(emu: RunningEmulator): JsonObject {
  const url = emu.url;
  const role = {
    accountId: DEMO_SIGNAL_ACCOUNTS.securityAdministrator,
    roleName: IAM_READER_ROLE.name,
    externalId: IAM_READER_ROLE.externalId,
  };
  return pluginConfig(emu, {
    endpoints: {
      organizations: url,
      ssoAdmin: url,
      identityStore: url,
      sts: url,
      securityHub: url,
      accessAnalyzer: url,
      config: url,
      cloudTrail: url,
    },
    signals: {
      securityHub: role,
      accessAnalyzer: role,
      config: { ...role, aggregatorName: CONFIG_AGGREGATOR_NAME },
      cloudTrail: {},
    },
  });
}

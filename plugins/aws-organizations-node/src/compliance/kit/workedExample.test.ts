import fs from 'node:fs';
import path from 'node:path';
import type {
  Account,
  OrganizationSnapshot,
  ServiceControlPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  leaveOrganizationBlockedRule,
  leaveOrganizationRuleModule,
} from '../../../examples/leaveOrganizationBlocked';
import {
  awsOrganizationsComplianceExtensionPoint,
  ComplianceRuleCollector,
} from '../extensionPoint';
import { createComplianceSnapshotIndex } from '../snapshotIndex';

const PACKAGE = path.resolve(__dirname, '../../..');
const EXAMPLE = 'examples/leaveOrganizationBlocked.ts';

/** The ```ts block the README shows under the example's marker. */
function readmeExample(): string | undefined {
  const readme = fs.readFileSync(path.join(PACKAGE, 'README.md'), 'utf8');
  const marker = `<!-- example: ${EXAMPLE} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) return undefined;
  const block = /```ts\n([\s\S]*?)\n```/.exec(readme.slice(at));
  return block?.[1];
}

const MGMT = '111111111111';
const PROD = '222222222222';
const CLOSED = '333333333333';

const account = (id: string, state: Account['state'] = 'ACTIVE'): Account => ({
  id,
  arn: `arn:aws:organizations::${MGMT}:account/o-x/${id}`,
  name: `acct-${id}`,
  email: `${id}@example.com`,
  state,
  joinedMethod: 'CREATED',
  joinedTimestamp: '2024-01-01T00:00:00Z',
  parentId: 'r-x',
  path: ['r-x'],
  tags: {},
});

const scp = (id: string, statements: object[]): ServiceControlPolicy => ({
  id,
  arn: `arn:aws:organizations::${MGMT}:policy/o-x/service_control_policy/${id}`,
  name: id,
  description: '',
  awsManaged: false,
  content: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
  targets: [{ targetId: 'r-x', type: 'ROOT', name: 'Root' }],
});

const FULL_ACCESS = { Effect: 'Allow', Action: '*', Resource: '*' };

/** FullAWSAccess, attached (as AWS does by default) to the root and PROD. */
const fullAccess = (): ServiceControlPolicy => {
  const policy = scp('p-full', [FULL_ACCESS]);
  policy.targets.push({
    targetId: PROD,
    type: 'ACCOUNT',
    name: `acct-${PROD}`,
  });
  return policy;
};

function snapshotWith(policies: ServiceControlPolicy[]): OrganizationSnapshot {
  return {
    schemaVersion: 1,
    readAt: '2026-01-01T00:00:00Z',
    complete: true,
    incompleteReasons: [],
    organization: {
      id: 'o-x',
      arn: 'arn:o-x',
      featureSet: 'ALL',
      managementAccountId: MGMT,
      managementAccountArn: 'arn:mgmt',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    },
    root: { id: 'r-x', arn: 'arn:r-x', name: 'Root', tags: {} },
    organizationalUnits: [],
    accounts: [account(MGMT), account(PROD), account(CLOSED, 'SUSPENDED')],
    policies,
    identityCenter: { status: 'not-enabled' },
    warnings: [],
    stats: {
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 1,
      calls: {},
      retries: 0,
      throttles: 0,
    },
  };
}

function run(snapshot: OrganizationSnapshot, accountId: string) {
  const rule = leaveOrganizationBlockedRule;
  return rule.evaluate({
    snapshot,
    resolution: { owners: {}, principals: {} } as any,
    parameters: rule.defaultParameters,
    index: createComplianceSnapshotIndex(snapshot),
    account: snapshot.accounts.find(a => a.id === accountId)!,
  });
}

describe('the worked example rule of the README', () => {
  it('is shown in the README exactly as the file this test runs', () => {
    const file = fs.readFileSync(path.join(PACKAGE, EXAMPLE), 'utf8');
    expect(readmeExample()).toBe(file.trimEnd());
  });

  it('passes when an SCP denies leaving, naming the Deny statement', () => {
    const outcome = run(
      snapshotWith([
        fullAccess(),
        scp('p-stay', [
          {
            Sid: 'NoLeave',
            Effect: 'Deny',
            Action: 'organizations:LeaveOrganization',
            Resource: '*',
          },
        ]),
      ]),
      PROD,
    );
    expect(outcome).toEqual({
      status: 'pass',
      message: 'SCPs deny organizations:LeaveOrganization',
      evidence: [
        expect.objectContaining({
          kind: 'scp-statement',
          policyId: 'p-stay',
          sid: 'NoLeave',
          description:
            'Deny statement "NoLeave" of p-stay (p-stay) at root Root (r-x)',
        }),
      ],
    });
  });

  it('fails when the SCPs allow leaving, naming the Allow statement', () => {
    expect(run(snapshotWith([fullAccess()]), PROD)).toEqual({
      status: 'fail',
      message: `acct-${PROD} may call organizations:LeaveOrganization`,
      evidence: [
        expect.objectContaining({
          policyId: 'p-full',
          description:
            'Allowed by Allow statement #1 of p-full (p-full) at root Root (r-x)',
        }),
        expect.objectContaining({
          policyId: 'p-full',
          description: `Allowed by Allow statement #1 of p-full (p-full) at account acct-${PROD} (${PROD})`,
        }),
      ],
    });
  });

  it('is unknown when a condition cannot be decided', () => {
    const outcome = run(
      snapshotWith([
        fullAccess(),
        scp('p-cond', [
          {
            Effect: 'Deny',
            Action: 'organizations:LeaveOrganization',
            Resource: '*',
            Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x' } },
          },
        ]),
      ]),
      PROD,
    );
    expect(outcome?.status).toBe('unknown');
    expect(outcome?.evidence).toEqual([
      expect.objectContaining({ kind: 'scp-statement', policyId: 'p-cond' }),
    ]);
  });

  it('leaves the management account and unusable accounts out of scope', () => {
    const snapshot = snapshotWith([fullAccess()]);
    expect(run(snapshot, MGMT)).toBeUndefined();
    expect(run(snapshot, CLOSED)).toBeUndefined();
  });

  it('checks its parameters', () => {
    expect(
      leaveOrganizationBlockedRule.validateParameters!({ actions: [] }),
    ).toEqual([
      { parameter: 'actions', message: 'must list at least one value' },
    ]);
  });

  it('is added to the backend by its module', async () => {
    const collector = new ComplianceRuleCollector([]);
    const seen: string[] = [];
    const host = createBackendPlugin({
      pluginId: 'aws-organizations',
      register(env) {
        env.registerExtensionPoint(
          awsOrganizationsComplianceExtensionPoint,
          collector,
        );
        env.registerInit({
          deps: {},
          async init() {
            seen.push(...collector.rules().map(r => r.id));
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [host, leaveOrganizationRuleModule],
    });
    await backend.stop();
    expect(seen).toEqual(['leave-organization-blocked']);
  });
});

import {
  addAccount,
  addOrganizationalUnit,
  addPolicy,
  attachPolicy,
  createOrganization,
  detachPolicy,
  enablePolicyType,
  FULL_AWS_ACCESS_POLICY_ID,
  RCP_FULL_AWS_ACCESS_POLICY_ID,
} from '../state/organizations';
import { RCP } from '../state/policyTypes';
import { AccountState, EmulatorState } from '../state/types';
import {
  AI_SERVICES_OPT_OUT,
  BACKUP_POLICY_DAILY,
  dataPerimeterRcp,
  DECLARATIVE_EC2_BASELINE,
  ENFORCE_SECURE_TRANSPORT,
  TAG_POLICY_COST_CENTER,
  DENY_IAM_USER_CREATION,
  DENY_LEAVE_ORGANIZATION,
  PROTECT_CLOUDTRAIL,
  REGION_RESTRICTION,
  SANDBOX_ALLOW_LIST,
} from './demoPolicies';

/**
 * The fixed ids of the demo organization (Acme Corp).
 *
 * @public
 */
export const DEMO_IDS = {
  organizationId: 'o-a1b2c3d4e5',
  rootId: 'r-a1b2',
  managementAccountId: '481516234200',
  ous: {
    Security: 'ou-a1b2-k3s9v2qd',
    Infrastructure: 'ou-a1b2-n7f4p1zc',
    Workloads: 'ou-a1b2-w8m2r5tx',
    Dev: 'ou-a1b2-d4j6h8ye',
    Staging: 'ou-a1b2-s2q7c9vb',
    Prod: 'ou-a1b2-p5x3l7nu',
    'Prod-US': 'ou-a1b2-u9e1k4wa',
    'Prod-EU': 'ou-a1b2-e6t8b2mg',
    Sandbox: 'ou-a1b2-b3y5f7ro',
    Transitional: 'ou-a1b2-t1c4n6hz',
    Suspended: 'ou-a1b2-x7g9d3jp',
  },
  policies: {
    FullAWSAccess: FULL_AWS_ACCESS_POLICY_ID,
    DenyIamUserCreation: 'p-4n8k2x7q',
    ProtectCloudTrail: 'p-7c1t9r3e',
    RegionRestriction: 'p-2r5g8w1m',
    SandboxAllowList: 'p-9s3b6a4l',
    DenyLeaveOrganization: 'p-5d0l3e8v',
  },
  resourceControlPolicies: {
    RCPFullAWSAccess: RCP_FULL_AWS_ACCESS_POLICY_ID,
    DataPerimeter: 'p-8d2p4e6r',
    EnforceSecureTransport: 'p-3t7l5s9x',
  },
  otherPolicies: {
    CostCenterTags: 'p-95tag2c7',
    DailyBackups: 'p-95bak3d8',
    AiServicesOptOut: 'p-95ai4o9q',
    Ec2Baseline: 'p-95ec5b1w',
  },
  identityCenterInstanceSuffix: 'ssoins-7223a1b2c3d4e5f6',
  identityStoreId: 'd-9067a1b2c3',
} as const;

type OuName = keyof typeof DEMO_IDS.ous;

/** OU tree: name, parent (undefined = root), owner tag. */
const OUS: [OuName, OuName | undefined, string | undefined][] = [
  ['Security', undefined, 'security'],
  ['Infrastructure', undefined, 'platform'],
  ['Workloads', undefined, undefined],
  ['Dev', 'Workloads', undefined],
  ['Staging', 'Workloads', undefined],
  ['Prod', 'Workloads', undefined],
  ['Prod-US', 'Prod', undefined],
  ['Prod-EU', 'Prod', undefined],
  ['Sandbox', undefined, undefined],
  ['Transitional', undefined, 'platform'],
  ['Suspended', undefined, 'security'],
];

/** Accounts: id, name, OU, owner tag, environment tag, state. */
const ACCOUNTS: [
  string,
  string,
  OuName,
  string | undefined,
  string,
  AccountState?,
][] = [
  ['502834119466', 'log-archive', 'Security', undefined, 'prod'],
  ['502834119477', 'security-audit', 'Security', 'security', 'prod'],
  ['613457820019', 'network-hub', 'Infrastructure', 'platform', 'prod'],
  ['613457820020', 'shared-services', 'Infrastructure', 'devops', 'prod'],
  ['724108355201', 'payments-dev', 'Dev', 'payments', 'dev'],
  ['735519466301', 'checkout-dev', 'Dev', 'checkout', 'dev'],
  ['746620577401', 'discovery-dev', 'Dev', 'discovery', 'dev'],
  ['757731688501', 'mobile-dev', 'Dev', 'mobile', 'dev'],
  ['724108355202', 'payments-staging', 'Staging', 'payments', 'staging'],
  ['735519466302', 'checkout-staging', 'Staging', 'checkout', 'staging'],
  ['724108355203', 'payments-prod-us', 'Prod-US', 'payments', 'prod'],
  ['735519466303', 'checkout-prod-us', 'Prod-US', 'checkout', 'prod'],
  ['768842799603', 'data-platform-prod-us', 'Prod-US', 'data', 'prod'],
  ['724108355204', 'payments-prod-eu', 'Prod-EU', 'payments', 'prod'],
  ['746620577403', 'discovery-prod-eu', 'Transitional', 'discovery', 'prod'],
  ['879953800701', 'sandbox-platform', 'Sandbox', undefined, 'sandbox'],
  [
    '890064911801',
    'legacy-marketing',
    'Suspended',
    undefined,
    'prod',
    'SUSPENDED',
  ],
];

/**
 * Builds the demo organization: OUs, accounts, tags, SCPs, the data
 * perimeter RCPs and policies of four other types.
 */
export function seedDemoOrganization(state: EmulatorState) {
  createOrganization(state, {
    organizationId: DEMO_IDS.organizationId,
    rootId: DEMO_IDS.rootId,
    managementAccountId: DEMO_IDS.managementAccountId,
    managementAccountName: 'acme-management',
    managementAccountEmail: 'aws-management@acme.example',
  });
  state.tags.set(DEMO_IDS.managementAccountId, {
    owner: 'security',
    environment: 'prod',
    'cost-center': 'CC-1000',
  });
  const root = DEMO_IDS.rootId;
  for (const [name, parent, owner] of OUS) {
    addOrganizationalUnit(state, {
      id: DEMO_IDS.ous[name],
      name,
      parentId: parent ? DEMO_IDS.ous[parent] : root,
      tags: owner ? { owner } : undefined,
    });
  }
  ACCOUNTS.forEach(([id, name, ou, owner, environment, accountState], i) => {
    const tags: Record<string, string> = { environment };
    if (owner) tags.owner = owner;
    addAccount(state, {
      id,
      name,
      email: `aws+${name}@acme.example`,
      parentId: DEMO_IDS.ous[ou],
      state: accountState,
      joinedMethod: name === 'legacy-marketing' ? 'INVITED' : 'CREATED',
      joinedTimestamp: new Date(Date.UTC(2021, 2, 1 + i * 7, 10)),
      tags,
    });
  });

  const p = DEMO_IDS.policies;
  const policies: [string, string, string, string[]][] = [
    [
      p.DenyIamUserCreation,
      'DenyIamUserCreation',
      DENY_IAM_USER_CREATION,
      [DEMO_IDS.ous.Workloads],
    ],
    [p.ProtectCloudTrail, 'ProtectCloudTrail', PROTECT_CLOUDTRAIL, [root]],
    [p.RegionRestriction, 'RegionRestriction', REGION_RESTRICTION, [root]],
    [
      p.SandboxAllowList,
      'SandboxAllowList',
      SANDBOX_ALLOW_LIST,
      [DEMO_IDS.ous.Sandbox],
    ],
    [
      p.DenyLeaveOrganization,
      'DenyLeaveOrganization',
      DENY_LEAVE_ORGANIZATION,
      [root],
    ],
  ];
  for (const [id, name, content, targets] of policies) {
    addPolicy(state, {
      id,
      name,
      content,
      description: `${name} guardrail`,
      tags: { owner: 'security' },
    });
    for (const target of targets) attachPolicy(state, id, target);
  }
  // The Sandbox OU is allow-listed: FullAWSAccess replaced by the allow list.
  detachPolicy(state, FULL_AWS_ACCESS_POLICY_ID, DEMO_IDS.ous.Sandbox);
  seedOtherPolicies(state);
}

/**
 * RCPs enabled (RCPFullAWSAccess everywhere) with the data perimeter on the
 * Workloads and Security OUs and TLS required in Prod; tag, backup,
 * AI-services opt-out and declarative EC2 policies.
 */
function seedOtherPolicies(state: EmulatorState) {
  const ous = DEMO_IDS.ous;
  const r = DEMO_IDS.resourceControlPolicies;
  const o = DEMO_IDS.otherPolicies;
  const root = DEMO_IDS.rootId;
  enablePolicyType(state, RCP);
  const policies: [string, string, string, string, string[]][] = [
    [
      r.DataPerimeter,
      RCP,
      'DataPerimeter',
      dataPerimeterRcp(DEMO_IDS.organizationId),
      [ous.Workloads, ous.Security],
    ],
    [
      r.EnforceSecureTransport,
      RCP,
      'EnforceSecureTransport',
      ENFORCE_SECURE_TRANSPORT,
      [ous.Prod],
    ],
    [
      o.CostCenterTags,
      'TAG_POLICY',
      'CostCenterTags',
      TAG_POLICY_COST_CENTER,
      [root],
    ],
    [
      o.DailyBackups,
      'BACKUP_POLICY',
      'DailyBackups',
      BACKUP_POLICY_DAILY,
      [ous.Prod],
    ],
    [
      o.AiServicesOptOut,
      'AISERVICES_OPT_OUT_POLICY',
      'AiServicesOptOut',
      AI_SERVICES_OPT_OUT,
      [root],
    ],
    [
      o.Ec2Baseline,
      'DECLARATIVE_POLICY_EC2',
      'Ec2Baseline',
      DECLARATIVE_EC2_BASELINE,
      [ous.Workloads],
    ],
  ];
  for (const [id, type, name, content, targets] of policies) {
    enablePolicyType(state, type);
    addPolicy(state, {
      id,
      type,
      name,
      content,
      description: `${name} (${type.toLowerCase()})`,
      tags: { owner: type === RCP ? 'security' : 'platform' },
    });
    for (const target of targets) attachPolicy(state, id, target);
  }
}

import {
  addAssignment,
  addGroup,
  addMembership,
  addPermissionSet,
  addUser,
  enableIdentityCenter,
} from '../state/identityCenter';
import {
  addAccount,
  addOrganizationalUnit,
  addPolicy,
  enablePolicyType,
  attachPolicy,
  createEmptyState,
  createOrganization,
} from '../state/organizations';
import { Prng } from '../state/prng';
import { seedGeneratedIam } from './generatedIam';
import { seedGeneratedSignals } from './generatedSignals';
import { RCP } from '../state/policyTypes';
import { SAMPLE_MANAGEMENT_POLICIES } from './demoPolicies';
import { DatasetCounts, EmulatorState } from '../state/types';

/** The sizes of a generated data set. @public */
export type GeneratedSize = Omit<DatasetCounts, 'memberships'> & {
  /** Deepest OU level below the root (AWS allows 5). */
  maxOuDepth: number;
  /** Most SCPs attached to one target (AWS allows 5 of a type). */
  maxPoliciesPerTarget: number;
};

/** The generated data sets' sizes. @public */
export const GENERATED_SIZES: Record<'S' | 'M' | 'L' | 'XL', GeneratedSize> = {
  S: {
    accounts: 30,
    organizationalUnits: 8,
    policies: 6,
    resourceControlPolicies: 3,
    otherPolicies: 4,
    permissionSets: 8,
    groups: 12,
    users: 60,
    assignments: 120,
    maxOuDepth: 3,
    maxPoliciesPerTarget: 5,
  },
  M: {
    accounts: 500,
    organizationalUnits: 60,
    policies: 30,
    resourceControlPolicies: 6,
    otherPolicies: 12,
    permissionSets: 40,
    groups: 300,
    users: 3000,
    assignments: 6000,
    maxOuDepth: 5,
    maxPoliciesPerTarget: 5,
  },
  L: {
    accounts: 5000,
    organizationalUnits: 600,
    policies: 250,
    resourceControlPolicies: 20,
    otherPolicies: 40,
    permissionSets: 400,
    groups: 3000,
    users: 30000,
    assignments: 60000,
    maxOuDepth: 5,
    maxPoliciesPerTarget: 5,
  },
  // The largest organizations (10,000-20,000 accounts): L scaled by four.
  // 1,000 SCPs is AWS's quota of policies of one type per organization.
  XL: {
    accounts: 20000,
    organizationalUnits: 2400,
    policies: 1000,
    resourceControlPolicies: 80,
    otherPolicies: 160,
    permissionSets: 1600,
    groups: 12000,
    users: 120000,
    assignments: 240000,
    maxOuDepth: 5,
    maxPoliciesPerTarget: 5,
  },
};

const FIRST = [
  'alex',
  'sam',
  'kim',
  'noor',
  'lee',
  'ana',
  'raj',
  'eva',
  'ole',
  'mia',
];
const LAST = [
  'smith',
  'khan',
  'berg',
  'rossi',
  'sato',
  'diaz',
  'okoro',
  'novak',
];
const MANAGED = [
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'job-function/ViewOnlyAccess',
  'SecurityAudit',
  'job-function/Billing',
  'AmazonS3ReadOnlyAccess',
  'AmazonEC2FullAccess',
];
const ENVIRONMENTS = ['dev', 'staging', 'prod', 'sandbox'];

function seedOrganization(
  state: EmulatorState,
  size: GeneratedSize,
  prng: Prng,
) {
  const mgmt = createOrganization(state, {
    managementAccountName: 'management',
  });
  const rootId = state.root!.id;
  const depth = new Map<string, number>([[rootId, 0]]);
  const parents = [rootId];
  for (let i = 0; i < size.organizationalUnits; i++) {
    const parentId = prng.pick(parents);
    const ou = addOrganizationalUnit(state, {
      parentId,
      name: `ou-${i}`,
      tags:
        prng.next() < 0.3
          ? { owner: `team-${prng.int(0, size.groups - 1)}` }
          : undefined,
    });
    depth.set(ou.id, depth.get(parentId)! + 1);
    if (depth.get(ou.id)! < size.maxOuDepth) parents.push(ou.id);
  }
  const ous = [...state.organizationalUnits.keys()];
  for (let i = 1; i < size.accounts; i++) {
    const tags: Record<string, string> = {
      environment: prng.pick(ENVIRONMENTS),
    };
    if (prng.next() < 0.9) tags.owner = `team-${prng.int(0, size.groups - 1)}`;
    addAccount(state, {
      parentId: ous.length > 0 && prng.next() < 0.97 ? prng.pick(ous) : rootId,
      name: `account-${i}`,
      state: prng.next() < 0.02 ? 'SUSPENDED' : 'ACTIVE',
      tags,
    });
  }
  const targets = [rootId, ...ous, ...state.accounts.keys()].filter(
    id => id !== mgmt.id,
  );
  for (let i = 1; i < size.policies; i++) {
    const policy = addPolicy(state, {
      name: `scp-${i}`,
      description: `Generated guardrail ${i}`,
      content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Action: [`service${i % 40}:Action${i}`],
            Resource: '*',
          },
        ],
      }),
    });
    const attachments = prng.int(1, 3);
    for (let a = 0; a < attachments; a++) {
      const target = prng.pick(targets);
      if (
        (state.targetPolicies.get(target)?.size ?? 0) <
        size.maxPoliciesPerTarget
      ) {
        attachPolicy(state, policy.id, target);
      }
    }
  }
  seedOtherPolicyTypes(state, size, ous);
}

/** Management policy types the generated organizations enable. */
const GENERATED_OTHER_TYPES = Object.keys(SAMPLE_MANAGEMENT_POLICIES);

/**
 * RCPs and policies of other types, attached round-robin to OUs (no PRNG
 * draw, so the rest of the data set is the same as without them).
 * RCPFullAWSAccess and the other policies count in the sizes.
 */
function seedOtherPolicyTypes(
  state: EmulatorState,
  size: GeneratedSize,
  ous: string[],
) {
  const rootId = state.root!.id;
  const targets = ous.length > 0 ? ous : [rootId];
  enablePolicyType(state, RCP);
  for (let i = 1; i < size.resourceControlPolicies; i++) {
    const policy = addPolicy(state, {
      name: `rcp-${i}`,
      type: RCP,
      description: `Generated data perimeter ${i}`,
      content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: ['s3:*', 'sqs:*', 'kms:*'],
            Resource: '*',
            Condition: {
              StringNotEqualsIfExists: {
                'aws:PrincipalOrgID': state.organization!.id,
              },
              BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
            },
          },
        ],
      }),
    });
    attachPolicy(state, policy.id, targets[i % targets.length]);
  }
  GENERATED_OTHER_TYPES.forEach(type => enablePolicyType(state, type));
  for (let i = 0; i < size.otherPolicies; i++) {
    const type = GENERATED_OTHER_TYPES[i % GENERATED_OTHER_TYPES.length];
    const policy = addPolicy(state, {
      name: `${type.toLowerCase()}-${i}`,
      type,
      content: SAMPLE_MANAGEMENT_POLICIES[type],
    });
    attachPolicy(
      state,
      policy.id,
      i < 2 ? rootId : targets[i % targets.length],
    );
  }
}

function seedIdentityCenter(
  state: EmulatorState,
  size: GeneratedSize,
  prng: Prng,
) {
  enableIdentityCenter(state);
  const psArns: string[] = [];
  for (let i = 0; i < size.permissionSets; i++) {
    const ps = addPermissionSet(state, {
      name: `PermissionSet${i}`,
      sessionDuration: `PT${prng.int(1, 12)}H`,
      managedPolicyArns: [
        ...new Set([prng.pick(MANAGED), prng.pick(MANAGED)]),
      ].map(p => `arn:aws:iam::aws:policy/${p}`),
      customerManagedPolicies:
        prng.next() < 0.3 ? [{ name: `Custom${i}`, path: '/' }] : [],
      inlinePolicy:
        prng.next() < 0.2
          ? JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:GetCallerIdentity',
                  Resource: '*',
                },
              ],
            })
          : undefined,
      permissionsBoundary:
        prng.next() < 0.5
          ? { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }
          : undefined,
      tags: { owner: `team-${prng.int(0, size.groups - 1)}` },
    });
    psArns.push(ps.arn);
  }
  const groupIds: string[] = [];
  for (let i = 0; i < size.groups; i++) {
    groupIds.push(
      addGroup(state, {
        displayName: `team-${i}`,
        description: `Team ${i}`,
        externalIds: [{ issuer: 'https://idp.example', id: `g${i}` }],
      }).id,
    );
  }
  const userIds: string[] = [];
  for (let i = 0; i < size.users; i++) {
    const givenName = prng.pick(FIRST);
    const familyName = prng.pick(LAST);
    const userName = `${givenName}.${familyName}${i}`;
    const user = addUser(state, {
      userName,
      displayName: `${givenName} ${familyName}`,
      givenName,
      familyName,
      emails: [
        { value: `${userName}@example.com`, type: 'work', primary: true },
      ],
      externalIds: [{ issuer: 'https://idp.example', id: `u${i}` }],
    });
    userIds.push(user.id);
    const memberOf = new Set([groupIds[i % groupIds.length]]);
    const extra = prng.int(0, 2);
    for (let g = 0; g < extra; g++) memberOf.add(prng.pick(groupIds));
    for (const groupId of memberOf) addMembership(state, groupId, user.id);
  }
  const accountIds = [...state.accounts.keys()];
  let made = 0;
  while (made < size.assignments) {
    const isUser = prng.next() < 0.1;
    const created = addAssignment(state, {
      accountId: prng.pick(accountIds),
      permissionSetArn: prng.pick(psArns),
      principalType: isUser ? 'USER' : 'GROUP',
      principalId: prng.pick(isUser ? userIds : groupIds),
    });
    if (created) made++;
  }
}

/**
 * Generates an organization of the given size from a seed: the same seed
 * gives the same state.
 *
 * @public
 */
export function generateDataset(size: GeneratedSize, seed = 1): EmulatorState {
  const state = createEmptyState(seed);
  const prng = new Prng(seed);
  seedOrganization(state, size, prng);
  seedIdentityCenter(state, size, prng);
  seedGeneratedIam(state);
  seedGeneratedSignals(state);
  return state;
}

import {
  addAssignment,
  addGroup,
  addMembership,
  addPermissionSet,
  addUser,
  enableIdentityCenter,
} from '../state/identityCenter';
import { EmulatorState, PrincipalType } from '../state/types';
import { SECURITY_AUDIT_INLINE } from './demoPolicies';
import { DEMO_IDS } from './demoOrganization';

const ISSUER = 'https://acme.okta.com';
const AWS_POLICY = 'arn:aws:iam::aws:policy/';

/** Groups as in examples/org.yaml: name and title. */
const GROUPS: [string, string][] = [
  ['security', 'Security'],
  ['finance', 'Finance'],
  ['platform', 'Platform'],
  ['devops', 'DevOps'],
  ['payments', 'Payments'],
  ['checkout', 'Checkout'],
  ['discovery', 'Discovery'],
  ['mobile', 'Mobile'],
  ['data', 'Data'],
];

/** Users as in examples/org.yaml: user name, display name, groups. */
const USERS: [string, string, string[]][] = [
  ['alice.nguyen', 'Alice Nguyen', ['security']],
  ['omar.haddad', 'Omar Haddad', ['security']],
  ['fatima.khan', 'Fatima Khan', ['finance']],
  ['li.wei', 'Li Wei', ['platform']],
  ['maria.garcia', 'Maria Garcia', ['platform', 'devops']],
  ['jonas.berg', 'Jonas Berg', ['devops']],
  ['priya.patel', 'Priya Patel', ['payments']],
  ['tom.okafor', 'Tom Okafor', ['payments']],
  ['sara.lind', 'Sara Lind', ['checkout']],
  ['diego.rossi', 'Diego Rossi', ['checkout']],
  ['emma.schmidt', 'Emma Schmidt', ['discovery']],
  ['kenji.sato', 'Kenji Sato', ['mobile']],
  ['nina.ivanova', 'Nina Ivanova', ['data']],
  ['guest', 'Guest', ['platform']],
];

/** Permission set name to its definition. */
function seedPermissionSets(state: EmulatorState) {
  const sets = {
    AdministratorAccess: addPermissionSet(state, {
      name: 'AdministratorAccess',
      description: 'Full administrator access',
      sessionDuration: 'PT1H',
      managedPolicyArns: [`${AWS_POLICY}AdministratorAccess`],
    }),
    Developer: addPermissionSet(state, {
      name: 'Developer',
      description: 'Power user within the developer permissions boundary',
      sessionDuration: 'PT8H',
      managedPolicyArns: [`${AWS_POLICY}PowerUserAccess`],
      customerManagedPolicies: [{ name: 'AcmeDeveloperExtras', path: '/' }],
      permissionsBoundary: {
        customerManagedPolicyReference: {
          name: 'AcmeDeveloperBoundary',
          path: '/',
        },
      },
    }),
    ReadOnly: addPermissionSet(state, {
      name: 'ReadOnly',
      description: 'View-only access',
      sessionDuration: 'PT8H',
      managedPolicyArns: [`${AWS_POLICY}job-function/ViewOnlyAccess`],
    }),
    SecurityAudit: addPermissionSet(state, {
      name: 'SecurityAudit',
      description: 'Security audit with findings read access',
      sessionDuration: 'PT4H',
      managedPolicyArns: [`${AWS_POLICY}SecurityAudit`],
      inlinePolicy: SECURITY_AUDIT_INLINE,
    }),
    Billing: addPermissionSet(state, {
      name: 'Billing',
      description: 'Billing and cost management',
      sessionDuration: 'PT4H',
      managedPolicyArns: [`${AWS_POLICY}job-function/Billing`],
    }),
    DataEngineer: addPermissionSet(state, {
      name: 'DataEngineer',
      description: 'Data lake engineering',
      sessionDuration: 'PT8H',
      managedPolicyArns: [
        `${AWS_POLICY}AmazonS3FullAccess`,
        `${AWS_POLICY}AmazonAthenaFullAccess`,
        `${AWS_POLICY}AWSGlueConsoleFullAccess`,
      ],
    }),
    BreakGlassAdmin: addPermissionSet(state, {
      name: 'BreakGlassAdmin',
      description: 'Emergency administrator access',
      sessionDuration: 'PT12H',
      managedPolicyArns: [`${AWS_POLICY}AdministratorAccess`],
    }),
  };
  for (const ps of Object.values(sets)) {
    ps.tags = { owner: 'security', 'managed-by': 'terraform' };
  }
  return sets;
}

/** Builds the demo Identity Center: groups, users, permission sets, assignments. */
export function seedDemoIdentityCenter(state: EmulatorState) {
  enableIdentityCenter(state, {
    instanceSuffix: DEMO_IDS.identityCenterInstanceSuffix,
    identityStoreId: DEMO_IDS.identityStoreId,
  });
  const groups = new Map<string, string>();
  GROUPS.forEach(([name, title], i) => {
    const group = addGroup(state, {
      displayName: name,
      description: title,
      externalIds: [
        { issuer: ISSUER, id: `00g1acme${String(i).padStart(4, '0')}` },
      ],
    });
    groups.set(name, group.id);
  });
  const users = new Map<string, string>();
  USERS.forEach(([userName, displayName, memberOf], i) => {
    const [givenName, familyName] = displayName.split(' ');
    const user = addUser(state, {
      userName,
      displayName,
      givenName,
      familyName,
      emails: [
        { value: `${userName}@acme.example`, type: 'work', primary: true },
      ],
      externalIds: [
        { issuer: ISSUER, id: `00u1acme${String(i).padStart(4, '0')}` },
      ],
    });
    users.set(userName, user.id);
    for (const group of memberOf)
      addMembership(state, groups.get(group)!, user.id);
  });

  const sets = seedPermissionSets(state);
  const assign = (
    accountId: string,
    set: keyof typeof sets,
    principalType: PrincipalType,
    principal: string,
  ) =>
    addAssignment(state, {
      accountId,
      permissionSetArn: sets[set].arn,
      principalType,
      principalId: (principalType === 'GROUP' ? groups : users).get(principal)!,
    });
  const group = (accountIds: string[], set: keyof typeof sets, name: string) =>
    accountIds.forEach(id => assign(id, set, 'GROUP', name));

  const mgmt = DEMO_IDS.managementAccountId;
  group(['724108355201', '724108355202'], 'Developer', 'payments');
  group(['724108355203', '724108355204'], 'ReadOnly', 'payments');
  group(['735519466301', '735519466302'], 'Developer', 'checkout');
  group(['735519466303'], 'ReadOnly', 'checkout');
  group(['746620577401'], 'Developer', 'discovery');
  group(['746620577403'], 'ReadOnly', 'discovery');
  group(['757731688501'], 'Developer', 'mobile');
  group(['768842799603'], 'ReadOnly', 'data');
  group(['768842799603'], 'DataEngineer', 'data');
  group(['613457820019', '613457820020'], 'AdministratorAccess', 'platform');
  group(['613457820020'], 'Developer', 'devops');
  group(['879953800701'], 'Developer', 'platform');
  group(['502834119466', '502834119477'], 'AdministratorAccess', 'security');
  const active = [...state.accounts.values()].filter(a => a.state === 'ACTIVE');
  group(
    active.map(a => a.id),
    'SecurityAudit',
    'security',
  );
  group([mgmt], 'Billing', 'finance');
  group([mgmt], 'BreakGlassAdmin', 'security');
  // Deliberate violations (see the README).
  assign('724108355203', 'AdministratorAccess', 'USER', 'tom.okafor');
  group([mgmt], 'AdministratorAccess', 'platform');
  group(['890064911801'], 'Billing', 'finance');
}

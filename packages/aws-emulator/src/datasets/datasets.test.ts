import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countState } from '../state/counts';
import { RCP, SCP } from '../state/policyTypes';
import { checkPolicyContent } from '../services/organizations/policyRules';
import { buildDataset, DEMO_IDS, GENERATED_SIZES } from '.';

const REPO = join(__dirname, '../../../..');

function ancestors(state: ReturnType<typeof buildDataset>, id: string) {
  const path: string[] = [];
  let parent =
    state.accounts.get(id)?.parentId ??
    state.organizationalUnits.get(id)?.parentId;
  while (parent) {
    path.push(parent);
    parent = state.organizationalUnits.get(parent)?.parentId;
  }
  return path;
}

describe('demo data set', () => {
  const state = buildDataset('demo');
  const ic = state.identityCenter!;

  it('has a data perimeter RCP on some OUs and policies of other types', () => {
    const r = DEMO_IDS.resourceControlPolicies;
    const perimeter = state.policies.get(r.DataPerimeter)!;
    expect(perimeter.type).toBe(RCP);
    expect([...state.policyTargets.get(r.DataPerimeter)!]).toEqual([
      DEMO_IDS.ous.Workloads,
      DEMO_IDS.ous.Security,
    ]);
    const statement = JSON.parse(perimeter.content).Statement[0];
    expect(statement.Condition).toEqual({
      StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
      BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
    });
    expect(
      JSON.parse(state.policies.get(r.EnforceSecureTransport)!.content)
        .Statement[0].Condition,
    ).toEqual({ BoolIfExists: { 'aws:SecureTransport': 'false' } });
    // Every customer policy passes the emulator's own CreatePolicy rules.
    for (const policy of state.policies.values()) {
      if (!policy.awsManaged) {
        expect(() =>
          checkPolicyContent(policy.type, policy.content),
        ).not.toThrow();
      }
    }
    expect(state.root!.policyTypes).toContain('DECLARATIVE_POLICY_EC2');
  });

  it('holds every account annotated in examples/entities.yaml', () => {
    const yaml = readFileSync(join(REPO, 'examples/entities.yaml'), 'utf8');
    const ids = [
      ...yaml.matchAll(/amazonaws\.com\/account-id:\s*'?(\d{12})'?/g),
    ].map(m => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      expect(state.accounts.get(id)?.state).toBe('ACTIVE');
    }
  });

  it('has the groups and users of examples/org.yaml with their memberships', () => {
    const yaml = readFileSync(join(REPO, 'examples/org.yaml'), 'utf8');
    const docs = yaml.split(/^---$/m);
    const groupNames = docs
      .filter(d => /kind: Group/.test(d) && /type: team/.test(d))
      .map(d => /name: (\S+)/.exec(d)![1]);
    expect([...ic.groups.values()].map(g => g.displayName).sort()).toEqual(
      groupNames.sort(),
    );
    const groupName = new Map(
      [...ic.groups.values()].map(g => [g.id, g.displayName]),
    );
    for (const doc of docs.filter(d => /kind: User/.test(d))) {
      const name = /name: (\S+)/.exec(doc)![1];
      const memberOf = [...doc.split('memberOf:')[1].matchAll(/- (\S+)/g)].map(
        m => m[1],
      );
      const user = [...ic.users.values()].find(u => u.userName === name)!;
      expect(user.emails[0].value).toBe(`${name}@acme.example`);
      const groups = [...ic.membershipsByUser.get(user.id)!].map(m =>
        groupName.get(ic.memberships.get(m)!.groupId),
      );
      expect(groups.sort()).toEqual(memberOf.sort());
    }
  });

  it('is shaped like a well-run org with the documented violations', () => {
    const ous = DEMO_IDS.ous;
    expect(ancestors(state, '724108355203')).toEqual([
      ous['Prod-US'],
      ous.Prod,
      ous.Workloads,
      'r-a1b2',
    ]);
    expect(state.accounts.get('890064911801')!.state).toBe('SUSPENDED');
    // discovery-prod-eu sits outside Workloads, so DenyIamUserCreation misses it.
    const covered = state.policyTargets.get(
      DEMO_IDS.policies.DenyIamUserCreation,
    )!;
    expect(ancestors(state, '746620577403').some(id => covered.has(id))).toBe(
      false,
    );
    expect(state.tags.get('879953800701')!.owner).toBeUndefined();
    expect(state.tags.get(ous.Sandbox)).toBeUndefined();
    expect(state.tags.get('502834119466')!.owner).toBeUndefined();
    expect(state.tags.get(ous.Security)!.owner).toBe('security');
    const sets = new Map([...ic.permissionSets.values()].map(p => [p.arn, p]));
    const assignments = [...ic.assignments.values()];
    expect(
      assignments
        .filter(a => a.principalType === 'USER')
        .map(a => [a.accountId, sets.get(a.permissionSetArn)!.name]),
    ).toEqual([['724108355203', 'AdministratorAccess']]);
    expect(assignments.some(a => a.accountId === '890064911801')).toBe(true);
    const byName = new Map([...sets.values()].map(p => [p.name, p]));
    expect(byName.get('DataEngineer')!.permissionsBoundary).toBeNull();
    expect(byName.get('BreakGlassAdmin')!.sessionDuration).toBe('PT12H');
    for (const target of [
      state.root!.id,
      ...state.organizationalUnits.keys(),
      ...state.accounts.keys(),
    ]) {
      const ofType = (type: string) =>
        [...(state.targetPolicies.get(target) ?? [])].filter(
          id => state.policies.get(id)!.type === type,
        ).length;
      expect(ofType(SCP)).toBeGreaterThanOrEqual(1);
      expect(ofType(SCP)).toBeLessThanOrEqual(5);
      // RCPFullAWSAccess everywhere, at most 5 RCPs.
      expect(
        state.targetPolicies
          .get(target)!
          .has(DEMO_IDS.resourceControlPolicies.RCPFullAWSAccess),
      ).toBe(true);
      expect(ofType(RCP)).toBeLessThanOrEqual(5);
    }
  });
});

describe('generated data sets', () => {
  it('are deterministic per seed', () => {
    const a = buildDataset('S', 5);
    const b = buildDataset('S', 5);
    const c = buildDataset('S', 6);
    const dump = (s: typeof a) =>
      JSON.stringify([
        [...s.accounts.values()],
        [...s.organizationalUnits.values()],
        [...s.identityCenter!.assignments.keys()],
        [...s.identityCenter!.users.values()],
      ]);
    expect(dump(a)).toEqual(dump(b));
    expect(dump(a)).not.toEqual(dump(c));
  });

  it.each([
    ['L', 30000],
    ['XL', 120000],
  ] as const)(
    'builds %s with the documented counts and AWS limits',
    (name, minMemberships) => {
      const state = buildDataset(name, 1);
      const { maxOuDepth, maxPoliciesPerTarget, ...size } =
        GENERATED_SIZES[name];
      expect(countState(state)).toEqual({
        ...size,
        memberships: expect.any(Number),
      });
      expect(countState(state).memberships).toBeGreaterThan(minMemberships);
      for (const id of state.organizationalUnits.keys()) {
        expect(ancestors(state, id).length).toBeLessThanOrEqual(maxOuDepth);
      }
      for (const policies of state.targetPolicies.values()) {
        const types = [...policies].map(id => state.policies.get(id)!.type);
        for (const type of new Set(types)) {
          expect(types.filter(t => t === type).length).toBeLessThanOrEqual(
            maxPoliciesPerTarget,
          );
        }
      }
    },
    120_000,
  );
});

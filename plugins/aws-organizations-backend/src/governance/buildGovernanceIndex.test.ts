import { indexSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  ADMIN_ARN,
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { buildGovernanceIndex } from './buildGovernanceIndex';

describe('buildGovernanceIndex', () => {
  it('indexes the tree: children per parent, sorted, and names', () => {
    const index = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    const root = index.children.get('r-root')!;
    expect(root.units.map(u => u.id)).toEqual(['ou-dev', 'ou-prod']);
    expect(root.accounts.map(a => a.id)).toEqual(['111111111111']);
    const sandbox = index.children.get('ou-sandbox')!;
    expect(sandbox.accounts.map(a => a.name)).toEqual([
      'sandbox-a',
      'Sandbox-B',
    ]);
    expect(index.children.get('ou-prod')!.accounts).toEqual([]);
    expect(index.unitName('r-root')).toBe('Root');
    expect(index.unitName('ou-payments')).toBe('Payments');
    expect(index.unitName('ou-nope')).toBeUndefined();
    expect(index.accountsInOrder.map(a => a.name)).toEqual([
      'management',
      'payments-dev',
      'payments-prod',
      'sandbox-a',
      'Sandbox-B',
    ]);
  });

  it('indexes policies per target, assignments, members and groups of users', () => {
    const index = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    // Policies per target live in the one snapshot index the views share.
    const shared = indexSnapshot(index.snapshot);
    expect(index.accounts).toBe(shared.accounts);
    expect(index.assignmentsByAccount).toBe(shared.assignmentsByAccount);
    expect(shared.policiesByTarget.get('ou-dev')!.map(p => p.name)).toEqual([
      'FullAWSAccess',
      'DenyIamUsers',
    ]);
    expect(shared.policiesByTarget.get('r-root')!.map(p => p.id)).toEqual([
      'p-deny-leave',
      'p-FullAWSAccess',
    ]);
    expect(index.policies.get('p-region-lock')!.name).toBe('RegionLock');
    expect(index.permissionSets.get(ADMIN_ARN)!.name).toBe('Admin');
    expect(
      index.assignmentsByAccount.get('444444444444')!.map(a => a.principalId),
    ).toEqual(['g-platform', 'u-bob']);
    expect(
      index.assignmentsByPrincipal.get('g-platform')!.map(a => a.accountId),
    ).toEqual(['222222222222', '444444444444']);
    expect(index.groupMembers.get('g-platform')).toEqual([
      'u-alice',
      'u-carol',
    ]);
    expect(index.groupsOfUser.get('u-bob')).toEqual(['g-formula']);
    expect(index.users.get('u-carol')!.userName).toBe('carol');
    expect(index.groups.get('g-unused')!.displayName).toBe('Unused');
  });

  it('makes catalog refs in the configured namespace', () => {
    const index = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
      { namespace: 'aws' },
    );
    expect(index.namespace).toBe('aws');
    expect(index.refs.account('222222222222')).toBe(
      'resource:aws/aws-account-222222222222',
    );
    expect(index.refs.unit('r-root')).toBe('resource:aws/aws-root-root');
    expect(index.refs.unit('ou-dev')).toBe('resource:aws/aws-ou-dev');
    expect(index.refs.policy('p-FullAWSAccess')).toBe(
      'resource:aws/aws-scp-fullawsaccess',
    );
    expect(index.refs.permissionSet(ADMIN_ARN)).toBe(
      'resource:aws/aws-permission-set-admin',
    );
    expect(
      buildGovernanceIndex(
        governanceSnapshot(),
        governanceResolution(),
      ).refs.account('222222222222'),
    ).toBe('resource:default/aws-account-222222222222');
  });

  it('links long ids to the refs the catalog module emits', () => {
    // The same literals are asserted on the catalog module's entities
    // (catalog-backend-module-aws-organizations, read.test.ts).
    const { refs } = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    expect(
      refs.unit(
        'ou-ab12cd34ef56ab12cd34ef56ab12cd34-0123456789abcdef0123456789abcdef',
      ),
    ).toBe(
      'resource:default/aws-ou-ab12cd34ef56ab12cd34ef56ab12cd34-0123456789abcd-25d6144c',
    );
    expect(
      refs.permissionSet(
        'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0123456789abcdef0123456789abcdef0123456789abcdef',
      ),
    ).toBe(
      'resource:default/aws-permission-set-0123456789abcdef0123456789abcdef012-6afda7ed',
    );
  });

  it('maps catalog refs to principals, case-insensitively, including the entities emitted for principals the catalog lacks', () => {
    const resolution = governanceResolution();
    resolution.principals['u-alice'].ref = 'User:Default/Alice.Smith';
    const index = buildGovernanceIndex(governanceSnapshot(), resolution, {
      namespace: 'aws',
    });
    const ids = (ref: string) => index.principalsOf(ref).map(p => p.id);
    expect(ids('user:default/alice.smith')).toEqual(['u-alice']);
    expect(ids('USER:default/ALICE.smith')).toEqual(['u-alice']);
    // bob has a ref the catalog lacks; the formula group has none.
    expect(ids('user:default/bob')).toEqual(['u-bob']);
    expect(ids('user:aws/aws-user-u-bob')).toEqual(['u-bob']);
    expect(ids('group:aws/aws-group-g-formula')).toEqual(['g-formula']);
    // Emitted entities live in the catalog module's namespace only.
    expect(ids('group:default/aws-group-g-formula')).toEqual([]);
    // A resolvable principal is not reachable through an emitted entity.
    expect(ids('group:aws/aws-group-g-platform')).toEqual([]);
    expect(ids('user:default/nobody')).toEqual([]);
  });

  it('falls back to a bare principal when the resolution lacks it', () => {
    const resolution = governanceResolution();
    delete resolution.principals['g-platform'];
    delete resolution.principals['u-carol'];
    const index = buildGovernanceIndex(governanceSnapshot(), resolution);
    expect(index.principal('GROUP', 'g-platform')).toEqual({
      type: 'GROUP',
      id: 'g-platform',
      name: 'Platform Team',
      resolvable: false,
    });
    expect(index.principal('USER', 'u-carol').name).toBe('carol');
    expect(index.principal('USER', 'u-gone').name).toBe('u-gone');
    expect(index.principal('USER', 'u-alice').ref).toBe(
      'user:default/alice.smith',
    );
  });

  it('derives the access portal URL from the identity store id, or takes the configured one', () => {
    const snapshot = governanceSnapshot();
    expect(
      buildGovernanceIndex(snapshot, governanceResolution()).accessPortalUrl,
    ).toBe('https://d-test.awsapps.com/start');
    expect(
      buildGovernanceIndex(snapshot, governanceResolution(), {
        accessPortalUrl: 'https://corp.awsapps.com/start',
      }).accessPortalUrl,
    ).toBe('https://corp.awsapps.com/start');
    const odd = governanceSnapshot();
    if (odd.identityCenter.status === 'available') {
      odd.identityCenter.identityStoreId = 'evil.example.com/x';
    }
    expect(
      buildGovernanceIndex(odd, governanceResolution()).accessPortalUrl,
    ).toBeUndefined();
  });

  it('has no Identity Center data or portal when Identity Center is not enabled', () => {
    const snapshot = governanceSnapshot();
    snapshot.identityCenter = { status: 'not-enabled' };
    const index = buildGovernanceIndex(snapshot, governanceResolution(), {
      accessPortalUrl: 'https://corp.awsapps.com/start',
    });
    expect(index.accessPortalUrl).toBeUndefined();
    expect(index.assignmentsByAccount.size).toBe(0);
    expect(index.permissionSets.size).toBe(0);
    expect(index.groupMembers.size).toBe(0);
    expect(index.accounts.size).toBe(5);
  });
});

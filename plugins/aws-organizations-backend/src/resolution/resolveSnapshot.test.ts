import { UnknownValue } from '@aws-governance/plugin-aws-organizations-common';
import { baseSnapshot, policy, ROOT_ID } from '../__testUtils__/snapshots';
import {
  OwnershipConfig,
  PrincipalMappingConfig,
} from '@aws-governance/plugin-aws-organizations-node';
import { toEntityName, toEntityRef } from './entityNames';
import { resolveSnapshot } from './resolveSnapshot';
import { CatalogDirectory } from './types';

const ownership: OwnershipConfig = {
  accountTagKey: 'owner',
  unitTagKey: 'owner',
  namespace: 'default',
};
const unknownTags: UnknownValue = {
  unknown: true,
  reason: 'ListTagsForResource failed: AccessDeniedException',
};
const mapping: PrincipalMappingConfig = {
  groupRule: 'displayName',
  groupMap: {},
  userRule: 'userName',
};

function directory(
  refs: string[],
  extra: Partial<CatalogDirectory> = {},
): CatalogDirectory {
  return {
    refs: new Set(refs),
    groupsByExternalId: new Map(),
    usersByEmail: new Map(),
    ...extra,
  };
}

describe('entity names', () => {
  it('makes valid entity names and refs', () => {
    expect(toEntityName('Platform Team')).toBe('platform-team');
    expect(toEntityName('  Ops__&  Sec.. ')).toBe('ops-sec');
    expect(toEntityName('Équipe')).toBe('equipe');
    expect(toEntityName('***')).toBeUndefined();
    expect(toEntityRef('payments', 'group', 'default')).toBe(
      'group:default/payments',
    );
    expect(toEntityRef('Group:Teams/Payments', 'group', 'default')).toBe(
      'group:teams/payments',
    );
    expect(toEntityRef('user:jane', 'group', 'ns')).toBe('user:ns/jane');
    expect(toEntityRef('not valid!', 'group', 'default')).toBeUndefined();
  });
});

describe('resolveSnapshot', () => {
  it('takes the account tag, else the nearest OU tag, else the default', () => {
    const snapshot = baseSnapshot();
    // Root tagged; Prod untagged; Payments (under Prod) tagged.
    snapshot.root.tags = { owner: 'cloud' };
    snapshot.organizationalUnits[2].tags = { owner: 'group:default/payments' };
    const resolution = resolveSnapshot(
      snapshot,
      { ownership, mapping },
      directory(['group:default/payments', 'group:default/platform']),
    );
    expect(resolution.accountOwners['222222222222']).toEqual({
      ref: 'group:default/payments',
      source: 'account-tag',
      tagValue: 'payments',
      resolvable: true,
    });
    expect(resolution.accountOwners['333333333333']).toEqual({
      ref: 'group:default/payments',
      source: 'ou-tag',
      tagValue: 'group:default/payments',
      ouId: 'ou-payments',
      resolvable: true,
    });
    expect(resolution.accountOwners['111111111111']).toEqual({
      ref: 'group:default/cloud',
      source: 'ou-tag',
      tagValue: 'cloud',
      ouId: 'r-root',
      resolvable: false,
    });
    expect(resolution.unitOwners['ou-prod']).toMatchObject({
      source: 'ou-tag',
      ouId: 'r-root',
    });
    expect(resolution.unitOwners['ou-dev']).toMatchObject({
      ref: 'group:default/platform',
      ouId: 'ou-dev',
    });
  });

  it('falls back to the default owner, or none', () => {
    const snapshot = baseSnapshot();
    const withDefault = resolveSnapshot(
      snapshot,
      {
        ownership: { ...ownership, defaultOwner: 'group:default/cloud' },
        mapping,
      },
      directory(['group:default/cloud']),
    );
    expect(withDefault.accountOwners['111111111111']).toEqual({
      ref: 'group:default/cloud',
      source: 'default',
      resolvable: true,
    });
    const without = resolveSnapshot(
      snapshot,
      { ownership, mapping },
      directory([]),
    );
    expect(without.accountOwners['111111111111']).toEqual({
      source: 'none',
      resolvable: false,
    });
    expect(without.unitOwners['r-root']).toEqual({
      source: 'none',
      resolvable: false,
    });
  });

  it('uses the configured tag keys and namespace', () => {
    const snapshot = baseSnapshot();
    snapshot.accounts[0].tags = { team: 'core' };
    const resolution = resolveSnapshot(
      snapshot,
      {
        ownership: { ...ownership, accountTagKey: 'team', namespace: 'org' },
        mapping,
      },
      directory([]),
    );
    expect(resolution.accountOwners['111111111111'].ref).toBe('group:org/core');
    // The account tag key no longer matches `owner` on payments-dev.
    expect(resolution.accountOwners['222222222222']).toMatchObject({
      ref: 'group:org/platform',
      source: 'ou-tag',
    });
  });

  it('gives SCPs and permission sets their own owner tag, else the root owner', () => {
    const snapshot = baseSnapshot();
    snapshot.root.tags = { owner: 'cloud' };
    const [denyLeave] = snapshot.policies;
    denyLeave.tags = { owner: 'security' };
    snapshot.policies.push(
      { ...policy('p-unknown', 'Unknown', {}), tags: unknownTags },
      // from a reader that did not read policy tags, or AWS managed
      policy('p-untagged', 'Untagged', {}),
      { ...policy('p-blank', 'Blank', {}), tags: { owner: ' ' } },
    );
    const ic = snapshot.identityCenter;
    if (ic.status !== 'available') throw new Error(ic.status);
    ic.permissionSets[0].tags = { owner: 'Group:Default/Security' };
    ic.permissionSets[1].tags = unknownTags;
    const resolution = resolveSnapshot(
      snapshot,
      { ownership, mapping },
      directory(['group:default/security']),
    );
    const rootOwner = {
      ref: 'group:default/cloud',
      source: 'ou-tag',
      tagValue: 'cloud',
      ouId: ROOT_ID,
      resolvable: false,
    };
    expect(resolution.policyOwners).toEqual({
      'p-deny-leave': {
        ref: 'group:default/security',
        source: 'resource-tag',
        tagValue: 'security',
        resolvable: true,
      },
      // No last known owner: what the known tags give, marked stale.
      'p-unknown': { ...rootOwner, stale: { reason: unknownTags.reason } },
      'p-untagged': rootOwner,
      'p-blank': rootOwner,
    });
    expect(resolution.permissionSetOwners).toEqual({
      [ic.permissionSets[0].arn]: {
        ref: 'group:default/security',
        source: 'resource-tag',
        tagValue: 'Group:Default/Security',
        resolvable: true,
      },
      [ic.permissionSets[1].arn]: {
        ...rootOwner,
        stale: { reason: unknownTags.reason },
      },
    });
  });

  describe('unknown is not "none"', () => {
    const LAST_READ_AT = '2026-11-30T10:00:00.000Z';
    const catalog = directory([
      'group:default/payments',
      'group:default/platform',
      'group:default/security',
    ]);
    /** A first complete read: every tag known. */
    function lastKnown() {
      const snapshot = baseSnapshot();
      snapshot.root.tags = { owner: 'security' };
      snapshot.policies[0].tags = { owner: 'payments' };
      return {
        snapshot,
        lastKnown: {
          readAt: LAST_READ_AT,
          resolution: resolveSnapshot(
            snapshot,
            { ownership, mapping },
            catalog,
          ),
        },
      };
    }

    it('keeps the last known owner, marked stale, where the own tags are unknown', () => {
      const { snapshot, lastKnown: last } = lastKnown();
      const before = last.resolution;
      expect(before.accountOwners['222222222222'].ref).toBe(
        'group:default/payments',
      );
      snapshot.accounts[1].tags = unknownTags;
      snapshot.policies[0].tags = unknownTags;
      const after = resolveSnapshot(
        snapshot,
        {
          ownership: { ...ownership, defaultOwner: 'group:default/platform' },
          mapping,
        },
        catalog,
        last,
      );
      const stale = { reason: unknownTags.reason, since: LAST_READ_AT };
      expect(after.accountOwners['222222222222']).toEqual({
        ...before.accountOwners['222222222222'],
        stale,
      });
      expect(after.policyOwners!['p-deny-leave']).toEqual({
        ...before.policyOwners!['p-deny-leave'],
        stale,
      });
      // Known tags resolve as ever.
      expect(after.accountOwners['333333333333']).toEqual(
        before.accountOwners['333333333333'],
      );
    });

    it('keeps the last known owner of everything below a unit whose tags are unknown, and the date it was known', () => {
      const { snapshot, lastKnown: last } = lastKnown();
      const before = last.resolution;
      // Dev (owner platform) unknown: its untagged accounts and the unit
      // itself cannot tell; the root's tag is known.
      snapshot.organizationalUnits[0].tags = unknownTags;
      snapshot.accounts[1].tags = {};
      const after = resolveSnapshot(
        snapshot,
        { ownership, mapping },
        catalog,
        last,
      );
      expect(after.unitOwners['ou-dev']).toMatchObject({
        ref: before.unitOwners['ou-dev'].ref,
        stale: { since: LAST_READ_AT },
      });
      expect(after.accountOwners['222222222222']).toMatchObject({
        ref: before.accountOwners['222222222222'].ref,
        stale: { since: LAST_READ_AT },
      });
      expect(after.unitOwners[ROOT_ID].stale).toBeUndefined();

      // A later read that still cannot tell keeps the first date.
      const again = resolveSnapshot(snapshot, { ownership, mapping }, catalog, {
        readAt: '2026-11-30T11:00:00.000Z',
        resolution: after,
      });
      expect(again.unitOwners['ou-dev'].stale?.since).toBe(LAST_READ_AT);
      // And once the tags are read again, the owner is fresh.
      const fresh = resolveSnapshot(
        lastKnown().snapshot,
        { ownership, mapping },
        catalog,
        {
          readAt: '2026-11-30T12:00:00.000Z',
          resolution: again,
        },
      );
      expect(fresh.unitOwners['ou-dev']).toEqual(before.unitOwners['ou-dev']);
    });
  });

  it('falls back to the default owner for SCPs and permission sets, and reads the account tag key', () => {
    const snapshot = baseSnapshot();
    snapshot.policies[0].tags = { owner: 'security' };
    const ic = snapshot.identityCenter;
    if (ic.status !== 'available') throw new Error(ic.status);
    ic.permissionSets[0].tags = { team: 'identity' };
    const resolution = resolveSnapshot(
      snapshot,
      {
        ownership: {
          ...ownership,
          accountTagKey: 'team',
          defaultOwner: 'group:default/cloud',
        },
        mapping,
      },
      directory(['group:default/cloud']),
    );
    const fallback = {
      ref: 'group:default/cloud',
      source: 'default',
      resolvable: true,
    };
    // `owner` is not the configured key
    expect(resolution.policyOwners!['p-deny-leave']).toEqual(fallback);
    expect(resolution.permissionSetOwners![ic.permissionSets[0].arn]).toEqual({
      ref: 'group:default/identity',
      source: 'resource-tag',
      tagValue: 'identity',
      resolvable: false,
    });
    expect(resolution.permissionSetOwners![ic.permissionSets[1].arn]).toEqual(
      fallback,
    );
    const without = resolveSnapshot(
      baseSnapshot(),
      { ownership, mapping },
      directory([]),
    );
    expect(without.policyOwners!['p-deny-leave']).toEqual({
      source: 'none',
      resolvable: false,
    });
  });

  it('maps principals by display name and user name, listing the unmapped', () => {
    const resolution = resolveSnapshot(
      baseSnapshot(),
      { ownership, mapping },
      directory(['group:default/platform-team']),
    );
    expect(resolution.principals['g-platform']).toEqual({
      type: 'GROUP',
      id: 'g-platform',
      name: 'Platform Team',
      ref: 'group:default/platform-team',
      resolvable: true,
    });
    expect(resolution.principals['u-alice']).toMatchObject({
      ref: 'user:default/alice.smith',
      resolvable: false,
    });
    // g-unused and u-bob hold no assignment: not listed.
    expect(resolution.unmappedPrincipals.map(p => p.id)).toEqual(['u-alice']);
  });

  it('maps groups by external id and users by email', () => {
    const resolution = resolveSnapshot(
      baseSnapshot(),
      {
        ownership,
        mapping: {
          ...mapping,
          groupRule: 'externalId',
          externalIdAnnotation: 'idp/id',
          userRule: 'email',
        },
      },
      directory(['group:default/platform', 'user:default/asmith'], {
        groupsByExternalId: new Map([
          ['ext-platform', 'group:default/platform'],
        ]),
        usersByEmail: new Map([['alice@corp.example', 'user:default/asmith']]),
      }),
    );
    expect(resolution.principals['g-platform'].ref).toBe(
      'group:default/platform',
    );
    expect(resolution.principals['g-unused'].ref).toBeUndefined();
    expect(resolution.principals['u-alice'].ref).toBe('user:default/asmith');
    expect(resolution.principals['u-bob'].ref).toBeUndefined();
    expect(resolution.unmappedPrincipals).toEqual([]);
  });

  it('maps groups explicitly; the map also overrides other rules', () => {
    const explicit = resolveSnapshot(
      baseSnapshot(),
      {
        ownership,
        mapping: {
          ...mapping,
          groupRule: 'explicit',
          groupMap: { 'g-platform': 'group:default/sre' },
        },
      },
      directory(['group:default/sre']),
    );
    expect(explicit.principals['g-platform'].ref).toBe('group:default/sre');
    expect(explicit.principals['g-unused'].ref).toBeUndefined();

    const override = resolveSnapshot(
      baseSnapshot(),
      {
        ownership,
        mapping: { ...mapping, groupMap: { Unused: 'group:default/legacy' } },
      },
      directory([]),
    );
    expect(override.principals['g-unused'].ref).toBe('group:default/legacy');
    expect(override.principals['g-platform'].ref).toBe(
      'group:default/platform-team',
    );
    expect(override.unmappedPrincipals.map(p => p.id)).toEqual([
      'g-platform',
      'u-alice',
    ]);
  });

  it('resolves no principals nor permission set owners when Identity Center is not enabled', () => {
    const snapshot = baseSnapshot();
    snapshot.identityCenter = { status: 'not-enabled' };
    const resolution = resolveSnapshot(
      snapshot,
      { ownership, mapping },
      directory([]),
    );
    expect(resolution.principals).toEqual({});
    expect(resolution.unmappedPrincipals).toEqual([]);
    expect(resolution.permissionSetOwners).toEqual({});
  });
});

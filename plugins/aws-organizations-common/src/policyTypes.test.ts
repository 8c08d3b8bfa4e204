import {
  ORGANIZATION_POLICY_TYPES,
  knownResourceControlPolicies,
  policyTypeTitle,
} from './policyTypes';
import type { OrganizationSnapshot } from './snapshot';

describe('policy types', () => {
  const base = { policies: [] } as unknown as OrganizationSnapshot;

  it('knows RCPs only when they were read', () => {
    expect(knownResourceControlPolicies(base)).toBeUndefined();
    expect(
      knownResourceControlPolicies({
        ...base,
        resourceControlPolicies: { unknown: true, reason: 'AccessDenied' },
      }),
    ).toBeUndefined();
    expect(
      knownResourceControlPolicies({ ...base, resourceControlPolicies: [] }),
    ).toEqual([]);
  });

  it('titles every known type and keeps the name of a newer one', () => {
    for (const type of ORGANIZATION_POLICY_TYPES) {
      expect(policyTypeTitle(type)).not.toBe(type);
    }
    expect(policyTypeTitle('TAG_POLICY')).toBe('Tag policy');
    expect(policyTypeTitle('FUTURE_POLICY')).toBe('FUTURE_POLICY');
  });
});

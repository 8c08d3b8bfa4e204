import { PermissionSet } from '@aws-governance/plugin-aws-organizations-common';
import {
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { permissionSet } from '../__testUtils__/snapshots';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import { permissionSetView } from './permissionSetView';

function indexWith(...sets: PermissionSet[]) {
  const snapshot = governanceSnapshot();
  if (snapshot.identityCenter.status === 'available') {
    snapshot.identityCenter.permissionSets.push(...sets);
  }
  return buildGovernanceIndex(snapshot, governanceResolution());
}

describe('permissionSetView', () => {
  it('judges an inline policy and says what it could not judge', () => {
    const index = indexWith(
      permissionSet('Inline', {
        inlinePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
        }),
      }),
      permissionSet('Garbled', { inlinePolicy: '{not json' }),
    );
    const inline = permissionSetView(
      index,
      'arn:aws:sso:::permissionSet/ssoins-test/ps-inline',
    );
    expect(inline.privileged).toBe(true);
    expect(inline.hasInlinePolicy).toBe(true);
    expect(inline.privilegeReasons.join(' ')).toMatch(/iam:\*/);
    const garbled = permissionSetView(
      index,
      'arn:aws:sso:::permissionSet/ssoins-test/ps-garbled',
    );
    expect(garbled.privileged).toBe(false);
    expect(garbled.privilegeReasons).toEqual([
      expect.stringMatching(/^could not be judged: the inline policy/),
    ]);
  });

  it('describes a set the snapshot lacks as unknown, from its ARN', () => {
    const view = permissionSetView(
      indexWith(),
      'arn:aws:sso:::permissionSet/ssoins-test/ps-gone',
    );
    expect(view).toMatchObject({
      name: 'ps-gone',
      entityRef: 'resource:default/aws-permission-set-gone',
      privileged: false,
      privilegeReasons: [
        'could not be judged: the permission set is not in the snapshot',
      ],
      customerManagedPolicies: null,
      permissionsBoundary: null,
    });
  });

  it('computes each view once per index', () => {
    const index = indexWith();
    const arn = 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin';
    expect(permissionSetView(index, arn)).toBe(permissionSetView(index, arn));
  });
});

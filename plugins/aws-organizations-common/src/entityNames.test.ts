import { awsEntityName, awsEntityNames, awsEntityRefs } from './entityNames';

const VALID_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('awsEntityNames', () => {
  it('derives id based names with the family prefixes', () => {
    expect(awsEntityNames.account('724108355203')).toBe(
      'aws-account-724108355203',
    );
    expect(awsEntityNames.organizationRoot('r-ab12')).toBe('aws-root-ab12');
    expect(awsEntityNames.organizationalUnit('ou-ab12-cd34ef56')).toBe(
      'aws-ou-ab12-cd34ef56',
    );
    expect(awsEntityNames.serviceControlPolicy('p-abcd1234')).toBe(
      'aws-scp-abcd1234',
    );
    expect(
      awsEntityNames.permissionSet(
        'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0123456789abcdef',
      ),
    ).toBe('aws-permission-set-0123456789abcdef');
    expect(
      awsEntityNames.identityCenterGroup(
        '9067aaaa-0000-0000-0000-000000000001',
      ),
    ).toBe('aws-group-9067aaaa-0000-0000-0000-000000000001');
    expect(awsEntityNames.identityCenterUser('906712345f-abcd')).toBe(
      'aws-user-906712345f-abcd',
    );
  });

  it('lower-cases AWS-managed policy ids and replaces underscores', () => {
    expect(awsEntityNames.serviceControlPolicy('p-FullAWSAccess')).toBe(
      'aws-scp-fullawsaccess',
    );
    expect(awsEntityNames.serviceControlPolicy('p-Deny__Root_User')).toBe(
      'aws-scp-deny-root-user',
    );
  });

  it('keeps names within 63 characters, unique by a fingerprint of the id', () => {
    // The longest OU id AWS allows: 32 + 32 characters after "ou-".
    const long = `ou-${'a'.repeat(32)}-${'b'.repeat(32)}`;
    const longer = `ou-${'a'.repeat(32)}-${'b'.repeat(31)}c`;
    const name = awsEntityNames.organizationalUnit(long);
    expect(name).toHaveLength(63);
    expect(name).toMatch(VALID_NAME);
    expect(name.startsWith('aws-ou-aaaa')).toBe(true);
    expect(awsEntityNames.organizationalUnit(long)).toBe(name);
    expect(awsEntityNames.organizationalUnit(longer)).not.toBe(name);
    const policy = awsEntityNames.serviceControlPolicy(`p-${'x_'.repeat(64)}`);
    expect(policy.length).toBeLessThanOrEqual(63);
    expect(policy).toMatch(VALID_NAME);
  });

  it('rejects ids that make no name', () => {
    expect(() => awsEntityName('aws-x-', '__')).toThrow(/"__"/);
    expect(() => awsEntityNames.permissionSet('ps-123')).toThrow(
      /Invalid permission set ARN/,
    );
    expect(() => awsEntityNames.account('12345')).toThrow(/12 digits/);
  });
});

describe('awsEntityRefs().organizationNode', () => {
  // The one ref of a parent or policy target: the catalog module's
  // `refs.parent`, the backend's `refs.unit` and the frontend's
  // `organizationNodeEntityRef` all use it. The backend and the catalog
  // module used to tell the root by comparing with the snapshot's root id,
  // the frontend by the `r-` prefix AWS gives every root id.
  const refs = awsEntityRefs('aws');

  it('is the root ref for a root id and the OU ref for an OU id', () => {
    expect(refs.organizationNode('r-ab12')).toBe(
      refs.organizationRoot('r-ab12'),
    );
    expect(refs.organizationNode('r-ab12')).toBe('resource:aws/aws-root-ab12');
    expect(refs.organizationNode('ou-ab12-cd34ef56')).toBe(
      refs.organizationalUnit('ou-ab12-cd34ef56'),
    );
  });

  it('keeps the fingerprint of a long OU id', () => {
    const long =
      'ou-ab12cd34ef56ab12cd34ef56ab12cd34-0123456789abcdef0123456789abcdef';
    expect(refs.organizationNode(long)).toBe(refs.organizationalUnit(long));
    expect(refs.organizationNode(long).split('/')[1]).toHaveLength(63);
  });
});

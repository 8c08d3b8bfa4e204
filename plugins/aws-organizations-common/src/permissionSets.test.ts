import { classifyPermissionSet, managedPolicyName } from './permissionSets';

const AWS = 'arn:aws:iam::aws:policy/';
const managed = (...names: string[]) =>
  names.map(name => ({ arn: `${AWS}${name}`, name: name.split('/').pop()! }));
const inline = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('classifyPermissionSet', () => {
  it.each([
    ['AdministratorAccess', 'administrator'],
    ['IAMFullAccess', 'administrator'],
    ['AWSOrganizationsFullAccess', 'administrator'],
    ['PowerUserAccess', 'power-user'],
  ])('classifies the AWS managed policy %s as %s', (name, level) => {
    const result = classifyPermissionSet({
      managedPolicies: managed(name),
      inlinePolicy: null,
    });
    expect(result).toMatchObject({ privileged: true, level });
    expect(result.reasons[0]).toContain(`AWS managed policy ${name}`);
  });

  it('does not count read-only, job-function or service full access policies', () => {
    const result = classifyPermissionSet({
      managedPolicies: managed(
        'job-function/ViewOnlyAccess',
        'job-function/Billing',
        'SecurityAudit',
        'AmazonS3FullAccess',
      ),
      inlinePolicy: null,
    });
    expect(result).toEqual({ privileged: false, reasons: [], uncertain: [] });
  });

  it('ignores a customer managed policy that merely shares an AWS name', () => {
    const result = classifyPermissionSet({
      managedPolicies: [
        {
          arn: 'arn:aws:iam::123456789012:policy/AdministratorAccess',
          name: 'AdministratorAccess',
        },
      ],
      inlinePolicy: null,
    });
    expect(result.privileged).toBe(false);
  });

  it('takes the highest level of several findings', () => {
    const result = classifyPermissionSet({
      managedPolicies: managed('PowerUserAccess', 'IAMFullAccess'),
      inlinePolicy: null,
    });
    expect(result.level).toBe('administrator');
    expect(result.reasons).toHaveLength(2);
  });

  it.each([
    ['*', 'allows "*" on every resource'],
    ['iam:*', 'allows iam:* on every resource'],
    ['iam:Put*', 'allows iam:Put* on every resource'],
  ])('finds an inline Allow of %s on *', (action, reason) => {
    const result = classifyPermissionSet({
      managedPolicies: [],
      inlinePolicy: inline({
        Sid: 'Broad',
        Effect: 'Allow',
        Action: action,
        Resource: '*',
      }),
    });
    expect(result).toMatchObject({ privileged: true, level: 'administrator' });
    expect(result.reasons[0]).toContain("inline policy's statement Broad");
    expect(result.reasons[0]).toContain(reason);
  });

  it('does not count IAM actions scoped to resources, read actions or Deny', () => {
    const result = classifyPermissionSet({
      managedPolicies: [],
      inlinePolicy: inline(
        {
          Effect: 'Allow',
          Action: 'iam:*',
          Resource: 'arn:aws:iam::*:role/app-*',
        },
        { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ),
    });
    expect(result.privileged).toBe(false);
  });

  it('classifies an Allow of every action but IAM as power user', () => {
    const result = classifyPermissionSet({
      managedPolicies: [],
      inlinePolicy: inline({
        Effect: 'Allow',
        NotAction: ['iam:*', 'organizations:*'],
        Resource: '*',
      }),
    });
    expect(result).toMatchObject({ privileged: true, level: 'power-user' });
    const withIam = classifyPermissionSet({
      managedPolicies: [],
      inlinePolicy: inline({
        Effect: 'Allow',
        NotAction: ['organizations:*'],
        Resource: '*',
      }),
    });
    expect(withIam.level).toBe('administrator');
  });

  it('reports an unreadable inline policy as uncertain', () => {
    const result = classifyPermissionSet({
      managedPolicies: [],
      inlinePolicy: '{not json',
    });
    expect(result.privileged).toBe(false);
    expect(result.uncertain[0]).toMatch(/inline policy cannot be read/);
  });
});

describe('managedPolicyName', () => {
  it('keeps the path of AWS managed policies', () => {
    expect(managedPolicyName(`${AWS}job-function/Billing`)).toBe(
      'job-function/Billing',
    );
    expect(managedPolicyName('arn:aws:iam::1:policy/Mine')).toBe(
      'arn:aws:iam::1:policy/Mine',
    );
  });
});

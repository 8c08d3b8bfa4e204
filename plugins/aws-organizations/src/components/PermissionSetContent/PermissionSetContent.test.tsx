import { Entity } from '@backstage/catalog-model';
import { screen, waitFor } from '@testing-library/react';
import { mockAwsApi, renderWithApis } from '../../__testUtils__/testUtils';
import { PermissionSetContent } from './PermissionSetContent';

const permissionSet: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'aws-permission-set-admin',
    namespace: 'default',
    annotations: {
      'amazonaws.com/permission-set-arn':
        'arn:aws:sso:::permissionSet/ssoins-1/ps-admin',
    },
  },
  spec: {
    type: 'aws-permission-set',
    sessionDuration: 'PT4H',
    managedPolicies: [
      {
        arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        name: 'AdministratorAccess',
      },
    ],
    customerManagedPolicies: { unknown: true, reason: 'AccessDenied' },
    inlinePolicy: null,
    permissionsBoundary: {
      type: 'managed',
      managedPolicyArn: 'arn:aws:iam::aws:policy/Boundary',
    },
  },
  relations: [
    {
      type: 'provisionedIn',
      targetRef: 'resource:default/aws-account-123456789012',
    },
    { type: 'ownedBy', targetRef: 'group:default/platform' },
  ],
};

describe('PermissionSetContent', () => {
  it('shows policies, boundary, session and where it is assigned', async () => {
    await renderWithApis(<PermissionSetContent />, {
      api: mockAwsApi(),
      entity: permissionSet,
    });
    expect(screen.getByText('AdministratorAccess')).toBeInTheDocument();
    expect(screen.getByText('Unknown (AccessDenied)')).toBeInTheDocument();
    expect(
      screen.getByText('arn:aws:iam::aws:policy/Boundary'),
    ).toBeInTheDocument();
    expect(screen.getByText('4 hours')).toBeInTheDocument();
    expect(screen.getByText('No inline policy.')).toBeInTheDocument();
    const accounts = screen.getByTestId('aws-permission-set-accounts');
    expect(accounts).toHaveTextContent('aws-account-123456789012');
    expect(accounts).not.toHaveTextContent('platform');
  });

  it('says when it is not assigned anywhere', async () => {
    await renderWithApis(<PermissionSetContent />, {
      api: mockAwsApi(),
      entity: { ...permissionSet, relations: [] },
    });
    expect(
      screen.getByText('The permission set is not assigned in any account.'),
    ).toBeInTheDocument();
  });

  it('shows the inline policy document', async () => {
    await renderWithApis(<PermissionSetContent />, {
      api: mockAwsApi(),
      entity: {
        ...permissionSet,
        spec: {
          ...permissionSet.spec,
          inlinePolicy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }],
          },
        },
      },
    });
    expect(screen.queryByText('No inline policy.')).toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId('aws-policy-document')).toHaveTextContent(
        '"Action": "iam:*"',
      ),
    );
  });
});

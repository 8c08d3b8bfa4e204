import { Entity } from '@backstage/catalog-model';
import { screen, waitFor } from '@testing-library/react';
import { tree } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import {
  affectedAccountIds,
  ServiceControlPolicyContent,
} from './ServiceControlPolicyContent';

const scpEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'aws-scp-deny0001',
    namespace: 'default',
    title: 'DenyLeaveOrganization',
    annotations: { 'amazonaws.com/policy-id': 'p-deny0001' },
  },
  spec: {
    type: 'aws-service-control-policy',
    awsManaged: false,
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyLeave',
          Effect: 'Deny',
          Action: 'organizations:LeaveOrganization',
          Resource: '*',
        },
      ],
    },
    targets: [
      'resource:default/aws-ou-ab12-prod0001',
      'resource:default/aws-account-999999999999',
    ],
  },
};

describe('affectedAccountIds', () => {
  it('unions account targets and the accounts below OU and root targets', () => {
    expect(
      [...affectedAccountIds(scpEntity.spec!.targets as string[], tree)].sort(),
    ).toEqual(['123456789012', '210987654321', '999999999999']);
    expect(
      affectedAccountIds(['resource:default/aws-root-ab12'], tree).size,
    ).toBe(3);
    expect(
      affectedAccountIds(['resource:default/aws-ou-unknown'], tree).size,
    ).toBe(0);
  });
});

describe('ServiceControlPolicyContent', () => {
  it('shows summary, document, targets and affected accounts', async () => {
    await renderWithApis(<ServiceControlPolicyContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(async () => tree) }),
      entity: scpEntity,
    });
    expect(screen.getByTestId('aws-scp-summary')).toHaveTextContent(
      'DenyLeave:',
    );
    expect(screen.getByTestId('aws-scp-affected-accounts')).toHaveTextContent(
      '3 accounts',
    );
    expect(screen.getByTestId('aws-scp-targets')).toHaveTextContent(
      'aws-ou-ab12-prod0001',
    );
    await waitFor(() =>
      expect(screen.getByTestId('aws-policy-document')).toHaveTextContent(
        '"Action": "organizations:LeaveOrganization"',
      ),
    );
  });

  it('highlights the document as JSON with the core CodeSnippet', async () => {
    await renderWithApis(<ServiceControlPolicyContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(async () => tree) }),
      entity: scpEntity,
    });
    const document = screen.getByTestId('aws-policy-document');
    await waitFor(() =>
      expect(document.querySelector('code.language-json')).not.toBeNull(),
    );
    await waitFor(() => {
      const keys = [...document.querySelectorAll('.hljs-attr')].map(
        node => node.textContent,
      );
      expect(keys).toEqual(
        expect.arrayContaining(['"Sid"', '"Effect"', '"Action"']),
      );
    });
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
  });

  it('shows a raw document that does not parse with a warning', async () => {
    await renderWithApis(<ServiceControlPolicyContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(() => pending()) }),
      entity: {
        ...scpEntity,
        spec: {
          ...scpEntity.spec,
          document: '{ not json',
          documentParseError: 'Unexpected token n',
          targets: [],
        },
      },
    });
    expect(
      screen.getByText(/The policy document cannot be parsed/),
    ).toBeInTheDocument();
    expect(screen.getByText('The policy is not attached.')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows a tree error in the affected accounts card', async () => {
    const error = await responseError(503);
    await renderWithApis(<ServiceControlPolicyContent />, {
      api: mockAwsApi({
        getOrganizationTree: jest.fn(() => Promise.reject(error)),
      }),
      entity: scpEntity,
    });
    expect(await screen.findByTestId('aws-error')).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import {
  accountDetail,
  compliance,
  serviceEntity,
} from '../../__testUtils__/data';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { ServiceAccountsCard, workloadAccountIds } from './ServiceAccountsCard';

describe('workloadAccountIds', () => {
  it('unions the annotation and runsIn relations to accounts', () => {
    expect(
      workloadAccountIds({
        ...serviceEntity,
        relations: [
          {
            type: 'runsIn',
            targetRef: 'resource:default/aws-account-210987654321',
          },
          {
            type: 'runsIn',
            targetRef: 'resource:default/aws-account-123456789012',
          },
          { type: 'runsIn', targetRef: 'resource:default/eks-cluster' },
        ],
      }),
    ).toEqual(['123456789012', '210987654321']);
  });
});

describe('ServiceAccountsCard', () => {
  it('shows the account, its compliance and failing rules', async () => {
    const api = mockAwsApi({
      getAccount: jest.fn(async () => accountDetail),
      getAccountCompliance: jest.fn(async () => compliance),
    });
    await renderWithApis(<ServiceAccountsCard />, {
      api,
      entity: serviceEntity,
    });
    expect(screen.getByText('AWS accounts')).toBeInTheDocument();
    const account = await screen.findByTestId(
      'aws-workload-account-123456789012',
    );
    expect(
      within(account).getByText('payments-prod').closest('a'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/aws-account-123456789012',
    );
    expect(
      within(account).getByTestId('aws-compliance-fail'),
    ).toBeInTheDocument();
    expect(account).toHaveTextContent('CloudTrail cannot be stopped');
    expect(account).not.toHaveTextContent('Account has an owner');
  });

  it('reports a malformed annotation', async () => {
    await renderWithApis(<ServiceAccountsCard />, {
      api: mockAwsApi(),
      entity: {
        ...serviceEntity,
        metadata: {
          ...serviceEntity.metadata,
          annotations: { 'amazonaws.com/account-id': 'abc' },
        },
      },
    });
    expect(screen.getByText(/Invalid AWS account id/)).toBeInTheDocument();
  });

  it('shows the not-found panel for an unknown account', async () => {
    const error = await responseError(404, 'Unknown account');
    await renderWithApis(<ServiceAccountsCard />, {
      api: mockAwsApi({
        getAccount: jest.fn(() => Promise.reject(error)),
        getAccountCompliance: jest.fn(() => Promise.reject(error)),
      }),
      entity: serviceEntity,
    });
    expect(await screen.findByTestId('aws-not-found')).toBeInTheDocument();
  });

  it('shows the restricted panel when the account is denied', async () => {
    const error = await responseError(403);
    await renderWithApis(<ServiceAccountsCard />, {
      api: mockAwsApi({
        getAccount: jest.fn(() => Promise.reject(error)),
        getAccountCompliance: jest.fn(() => Promise.reject(error)),
      }),
      entity: serviceEntity,
    });
    expect(await screen.findByTestId('aws-restricted')).toHaveTextContent(
      'account 123456789012',
    );
  });

  it('says how to link an entity that names no account', async () => {
    const api = mockAwsApi();
    await renderWithApis(<ServiceAccountsCard />, {
      api,
      entity: {
        ...serviceEntity,
        metadata: { name: 'payments-api', namespace: 'default' },
      },
    });
    expect(
      screen.getByText(/Add the amazonaws.com\/account-id annotation/),
    ).toBeInTheDocument();
    expect(api.getAccount).not.toHaveBeenCalled();
  });
});

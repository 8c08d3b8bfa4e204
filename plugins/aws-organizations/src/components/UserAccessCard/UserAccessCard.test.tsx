import { screen } from '@testing-library/react';
import { principalAccess, userEntity } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { EntityAwsUserAccessCard } from '../../plugin';
import { UserAccessCard } from './UserAccessCard';

describe('UserAccessCard', () => {
  it("lists the person's accounts and permission sets", async () => {
    const api = mockAwsApi({
      getPrincipalAccess: jest.fn(async () => ({
        ...principalAccess,
        entityRef: 'user:default/alice',
        grants: [
          {
            ...principalAccess.grants[0],
            via: 'group' as const,
            group: {
              type: 'GROUP' as const,
              id: 'g-1',
              name: 'payments-admins',
            },
          },
        ],
      })),
    });
    await renderWithApis(<UserAccessCard />, { api, entity: userEntity });
    expect(api.getPrincipalAccess).toHaveBeenCalledWith({
      kind: 'user',
      namespace: 'default',
      name: 'alice',
    });
    expect(screen.getByText('AWS access')).toBeInTheDocument();
    expect(screen.getByText('payments-prod')).toBeInTheDocument();
    expect(screen.getByText('Group payments-admins')).toBeInTheDocument();
  });

  it('shows an empty state', async () => {
    const api = mockAwsApi({
      getPrincipalAccess: jest.fn(async () => ({
        ...principalAccess,
        grants: [],
      })),
    });
    await renderWithApis(<UserAccessCard />, { api, entity: userEntity });
    expect(
      screen.getByText(
        'This person holds no permission set in any AWS account.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the restricted panel on 403', async () => {
    const error = await responseError(403);
    await renderWithApis(<UserAccessCard />, {
      api: mockAwsApi({
        getPrincipalAccess: jest.fn(() => Promise.reject(error)),
      }),
      entity: userEntity,
    });
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderWithApis(<UserAccessCard />, {
      api: mockAwsApi({ getPrincipalAccess: jest.fn(() => pending()) }),
      entity: userEntity,
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('is exported as a lazy legacy component extension', async () => {
    await renderWithApis(<EntityAwsUserAccessCard />, {
      api: mockAwsApi({
        getPrincipalAccess: jest.fn(async () => principalAccess),
      }),
      entity: userEntity,
    });
    expect(await screen.findByText('payments-prod')).toBeInTheDocument();
  });
});

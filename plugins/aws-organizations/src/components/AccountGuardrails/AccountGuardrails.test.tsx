import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accountEntity, guardrails } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountGuardrails } from './AccountGuardrails';

function render(api: ReturnType<typeof mockAwsApi>) {
  return renderWithApis(<AccountGuardrails />, { api, entity: accountEntity });
}

describe('AccountGuardrails', () => {
  it('groups the SCPs by level with summaries and documents', async () => {
    const api = mockAwsApi({
      getAccountGuardrails: jest.fn(async () => guardrails),
    });
    await render(api);
    expect(api.getAccountGuardrails).toHaveBeenCalledWith('123456789012');
    expect(screen.getByTestId('aws-guardrails-summary')).toHaveTextContent(
      'Accounts cannot leave the organization',
    );
    expect(screen.getByText(/Allowed regions: eu-west-1/)).toBeInTheDocument();
    expect(screen.getByTestId('aws-guardrail-level-root')).toHaveTextContent(
      'FullAWSAccess',
    );
    const ou = screen.getByTestId('aws-guardrail-level-ou');
    expect(ou).toHaveTextContent('Organizational unit: Prod');
    expect(ou).toHaveTextContent('Blocks leaving the organization');
    expect(screen.getByTestId('aws-guardrail-level-account')).toHaveTextContent(
      'No SCP attached at this level.',
    );
    await userEvent.click(screen.getByText('DenyLeaveOrganization'));
    await waitFor(() =>
      expect(screen.getByTestId('aws-policy-document')).toHaveTextContent(
        '"Sid": "DenyLeave"',
      ),
    );
  });

  it('shows progress while loading', async () => {
    await render(
      mockAwsApi({ getAccountGuardrails: jest.fn(() => pending()) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the restricted panel on 403', async () => {
    const error = await responseError(403);
    await render(
      mockAwsApi({
        getAccountGuardrails: jest.fn(() => Promise.reject(error)),
      }),
    );
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
  });

  it('simulates an action and shows the decision with decisive statements', async () => {
    const api = mockAwsApi({
      getAccountGuardrails: jest.fn(async () => guardrails),
      simulate: jest.fn(async () => ({
        decision: 'denied' as const,
        reasons: [
          'DenyLeaveOrganization denies organizations:LeaveOrganization',
        ],
        decisiveStatements: [
          {
            policyId: 'p-deny0001',
            policyName: 'DenyLeaveOrganization',
            level: {
              kind: 'ou' as const,
              targetId: 'ou-ab12-prod0001',
              name: 'Prod',
            },
            sid: 'DenyLeave',
            effect: 'Deny' as const,
            statementIndex: 0,
          },
        ],
      })),
    });
    await render(api);
    const submit = screen.getByRole('button', { name: 'Simulate' });
    expect(submit).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/Action/), {
      target: { value: ' organizations:LeaveOrganization ' },
    });
    fireEvent.change(screen.getByLabelText('Region'), {
      target: { value: 'eu-west-1' },
    });
    fireEvent.change(screen.getByLabelText(/Principal ARN/), {
      target: { value: 'arn:aws:iam::123456789012:role/Developer' },
    });
    fireEvent.click(submit);
    expect(
      await screen.findByTestId('aws-simulation-denied'),
    ).toHaveTextContent('Denied');
    expect(api.simulate).toHaveBeenCalledWith({
      accountId: '123456789012',
      action: 'organizations:LeaveOrganization',
      region: 'eu-west-1',
      context: {
        'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/Developer',
      },
    });
    const result = screen.getByTestId('aws-simulation-result');
    expect(result).toHaveTextContent('DenyLeaveOrganization denies');
    expect(result).toHaveTextContent('DenyLeave');
    expect(result).toHaveTextContent('OU: Prod');
  });

  it('shows why the backend refused a simulation otherwise, in sight', async () => {
    const error = await responseError(
      400,
      'The account is not in the snapshot',
    );
    const api = mockAwsApi({
      getAccountGuardrails: jest.fn(async () => guardrails),
      simulate: jest.fn(() => Promise.reject(error)),
    });
    await render(api);
    fireEvent.change(screen.getByLabelText(/Action/), {
      target: { value: 's3:GetObject' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    const refused = await screen.findByTestId('aws-invalid-request');
    expect(
      within(refused).getByText(/The account is not in the snapshot/),
    ).toBeVisible();
    expect(refused).not.toHaveTextContent(/stack|at \S+ \(/);
  });

  it('says in sight that SCPs do not apply to the management account, and lists no allowed regions', async () => {
    await render(
      mockAwsApi({
        getAccountGuardrails: jest.fn(async () => ({
          ...guardrails,
          managementAccountExempt: true,
          // What the policies on its path would say of any other account.
          allowedRegions: ['eu-*', 'us-*'],
        })),
      }),
    );
    const exempt = await screen.findByTestId('aws-management-exempt');
    expect(exempt).toHaveTextContent('Management account: SCPs do not apply');
    expect(exempt).toHaveTextContent(/never restrict the management account/);
    // Expanded, not a collapsed panel to open.
    expect(
      within(exempt).getByRole('button', { expanded: true }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('aws-guardrails-summary')).toHaveTextContent(
      'No service control policy restricts this account: it is the management account.',
    );
    expect(screen.queryByText(/Allowed regions/)).toBeNull();
  });

  it('shows the not-found panel for an account the backend does not know', async () => {
    const error = await responseError(404, 'Unknown account');
    await render(
      mockAwsApi({
        getAccountGuardrails: jest.fn(() => Promise.reject(error)),
      }),
    );
    expect(await screen.findByTestId('aws-not-found')).toHaveTextContent(
      'Unknown account',
    );
  });

  it('shows an indeterminate decision with its reason', async () => {
    const api = mockAwsApi({
      getAccountGuardrails: jest.fn(async () => guardrails),
      simulate: jest.fn(async () => ({
        decision: 'indeterminate' as const,
        reasons: ['Unknown condition operator StringFancy'],
        decisiveStatements: [],
      })),
    });
    await render(api);
    fireEvent.change(screen.getByLabelText(/Action/), {
      target: { value: 's3:PutObject' },
    });
    fireEvent.change(screen.getByLabelText('Resource'), {
      target: { value: 'arn:aws:s3:::bucket/*' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    expect(
      await screen.findByTestId('aws-simulation-indeterminate'),
    ).toHaveTextContent('Indeterminate');
    expect(api.simulate).toHaveBeenCalledWith({
      accountId: '123456789012',
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::bucket/*',
    });
    expect(screen.getByTestId('aws-simulation-result')).toHaveTextContent(
      'Unknown condition operator StringFancy',
    );
  });
});

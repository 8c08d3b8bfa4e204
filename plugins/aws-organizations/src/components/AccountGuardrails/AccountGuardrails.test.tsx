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

  it('checks the request before sending it and shows each issue at its field', async () => {
    const api = mockAwsApi({
      getAccountGuardrails: jest.fn(async () => guardrails),
      simulate: jest.fn(async () => {
        throw new Error('must not be sent');
      }),
    });
    await render(api);
    fireEvent.change(screen.getByLabelText(/Action/), {
      target: { value: 's3 PutObject' },
    });
    fireEvent.change(screen.getByLabelText(/^Region/), {
      target: { value: 'Europe' },
    });
    fireEvent.change(screen.getByLabelText(/Principal account/), {
      target: { value: '12345' },
    });
    fireEvent.change(screen.getByLabelText(/Resource account/), {
      target: { value: '210987654321' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    expect(api.simulate).not.toHaveBeenCalled();
    const action = screen.getByLabelText(/Action/);
    expect(action).toHaveAttribute('aria-invalid', 'true');
    expect(action).toHaveAccessibleDescription(
      'must be one action, service:Action (e.g. iam:CreateUser)',
    );
    expect(screen.getByLabelText(/^Region/)).toHaveAccessibleDescription(
      'must be a region, e.g. eu-west-1',
    );
    expect(
      screen.getByLabelText(/Principal account/),
    ).toHaveAccessibleDescription('must be a 12-digit AWS account id');
    // A valid field keeps its hint and is not marked.
    const resourceAccount = screen.getByLabelText(/Resource account/);
    expect(resourceAccount).toHaveAttribute('aria-invalid', 'false');
    expect(resourceAccount).toHaveAccessibleDescription(/whose RCPs apply/);
    expect(screen.queryByTestId('aws-invalid-request')).toBeNull();

    // Editing a field clears its issue; a valid request is sent.
    fireEvent.change(action, { target: { value: 's3:PutObject' } });
    expect(action).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText(/^Region/)).toHaveAccessibleDescription(
      'must be a region, e.g. eu-west-1',
    );
    fireEvent.change(screen.getByLabelText(/^Region/), {
      target: { value: 'eu-west-1' },
    });
    fireEvent.change(screen.getByLabelText(/Principal account/), {
      target: { value: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    await waitFor(() =>
      expect(api.simulate).toHaveBeenCalledWith({
        accountId: '123456789012',
        action: 's3:PutObject',
        region: 'eu-west-1',
        resourceAccountId: '210987654321',
      }),
    );
  });

  it('shows a service principal issue at the service principal field', async () => {
    const api = mockAwsApi({
      getAccountGuardrails: jest.fn(async () => guardrails),
    });
    await render(api);
    fireEvent.change(screen.getByLabelText(/Action/), {
      target: { value: 's3:PutObject' },
    });
    fireEvent.mouseDown(screen.getByLabelText(/Principal kind/));
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText(
        'AWS service principal',
      ),
    );
    fireEvent.change(await screen.findByLabelText(/Service principal/), {
      target: { value: 'CloudTrail' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    expect(api.simulate).not.toHaveBeenCalled();
    expect(
      screen.getByLabelText(/Service principal/),
    ).toHaveAccessibleDescription(
      'must be an AWS service principal, e.g. cloudtrail.amazonaws.com',
    );
  });

  it('shows the fields a 400 names at those fields, not in a panel', async () => {
    const error = await responseError(
      400,
      'Invalid simulation request: resource: must be an ARN or *; context.aws:PrincipalArn: context key',
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
    await waitFor(() =>
      expect(screen.getByLabelText(/^Resource$/)).toHaveAccessibleDescription(
        'must be an ARN or *',
      ),
    );
    expect(screen.getByLabelText(/^Resource$/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText(/Principal ARN/)).toHaveAccessibleDescription(
      'context key',
    );
    expect(screen.getByLabelText(/Action/)).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.queryByTestId('aws-invalid-request')).toBeNull();
  });

  it('shows a 400 that names no field above the form', async () => {
    const error = await responseError(
      400,
      'Invalid simulation request: simulation request: Unrecognized key: "extra"',
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
    expect(refused).toHaveTextContent('Unrecognized key: "extra"');
    const form = screen.getByRole('form', { name: 'Guardrail simulator' });
    // Above the form: the panel precedes it in document order.
    expect(
      refused.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
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

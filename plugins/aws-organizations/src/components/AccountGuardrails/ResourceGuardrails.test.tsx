import { AccountGuardrails as Guardrails } from '@aws-governance/plugin-aws-organizations-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accountEntity, guardrails } from '../../__testUtils__/data';
import { mockAwsApi, renderWithApis } from '../../__testUtils__/testUtils';
import { AccountGuardrails } from './AccountGuardrails';

const PERIMETER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'EnforceOrgIdentities', Effect: 'Deny' }],
});

const withRcps: Guardrails = {
  ...guardrails,
  resourceControlPolicies: {
    status: 'enabled',
    managementAccountExempt: false,
    levels: [
      {
        kind: 'root',
        targetId: 'r-ab12',
        name: 'Root',
        policies: [
          {
            id: 'p-RCPFullAWSAccess',
            name: 'RCPFullAWSAccess',
            description: '',
            awsManaged: true,
            content: '{}',
            summary: ['allows everything (RCPFullAWSAccess)'],
          },
        ],
      },
      {
        kind: 'ou',
        targetId: 'ou-ab12-prod0001',
        name: 'Prod',
        policies: [
          {
            id: 'p-perimeter',
            name: 'DataPerimeter',
            description: 'Only our principals',
            awsManaged: false,
            content: PERIMETER,
            summary: [
              'only principals of this organization may use S3 buckets in this account',
            ],
          },
        ],
      },
      { kind: 'account', targetId: '123456789012', name: 'prod', policies: [] },
    ],
    summary: [
      'only principals of this organization may use S3 buckets in this account',
      'TLS required for S3 buckets',
    ],
  },
  otherPolicyTypes: [
    {
      type: 'BACKUP_POLICY',
      title: 'Backup policy',
      status: 'ENABLED',
      levels: [
        {
          kind: 'root',
          targetId: 'r-ab12',
          name: 'Root',
          policies: [
            {
              id: 'p-backup',
              name: 'DailyBackups',
              description: '',
              awsManaged: false,
              content: '{"plans":{"daily":{}}}',
            },
          ],
        },
        {
          kind: 'account',
          targetId: '123456789012',
          name: 'prod',
          policies: [],
        },
      ],
    },
    {
      type: 'TAG_POLICY',
      title: 'Tag policy',
      status: 'ENABLED',
      unknownReason: 'AccessDeniedException',
    },
  ],
};

function render(api: ReturnType<typeof mockAwsApi>) {
  return renderWithApis(<AccountGuardrails />, { api, entity: accountEntity });
}

describe('AccountGuardrails with RCPs and other policy types', () => {
  it('shows the effective RCPs by level with their summaries, and the other policy types with where each is inherited from', async () => {
    await render(
      mockAwsApi({ getAccountGuardrails: jest.fn(async () => withRcps) }),
    );
    const summary = screen.getByTestId('aws-rcp-summary');
    expect(summary).toHaveTextContent(
      'only principals of this organization may use S3 buckets in this account',
    );
    expect(summary).toHaveTextContent('TLS required for S3 buckets');
    expect(screen.getByTestId('aws-rcp-level-ou')).toHaveTextContent(
      'DataPerimeter',
    );
    expect(screen.getByTestId('aws-rcp-level-account')).toHaveTextContent(
      'No RCP attached at this level.',
    );
    const backup = screen.getByTestId('aws-policy-type-BACKUP_POLICY');
    expect(backup).toHaveTextContent('Backup policy');
    expect(backup).toHaveTextContent('Inherited from root Root');
    await userEvent.click(within(backup).getByText('DailyBackups'));
    await waitFor(() =>
      expect(
        within(backup).getByTestId('aws-policy-document'),
      ).toHaveTextContent('"daily"'),
    );
    expect(screen.getByTestId('aws-policy-type-TAG_POLICY')).toHaveTextContent(
      'Unknown: the last read could not list these policies (AccessDeniedException)',
    );
  });

  it('says when RCPs are not enabled', async () => {
    await render(
      mockAwsApi({
        getAccountGuardrails: jest.fn(async () => ({
          ...withRcps,
          resourceControlPolicies: {
            ...withRcps.resourceControlPolicies!,
            status: 'not-enabled' as const,
            summary: [],
          },
        })),
      }),
    );
    expect(screen.getByTestId('aws-rcp-summary')).toHaveTextContent(
      'has not enabled resource control policies',
    );
    expect(screen.queryByTestId('aws-rcp-level-ou')).toBeNull();
  });

  it('sends the principal and resource sides and explains which layer decided', async () => {
    const api = mockAwsApi({
      getAccountGuardrails: jest.fn(async () => withRcps),
      simulate: jest.fn(async () => ({
        decision: 'denied' as const,
        reasons: ['RCPs: DataPerimeter denies s3:GetObject'],
        decisiveStatements: [
          {
            policyId: 'p-perimeter',
            policyName: 'DataPerimeter',
            level: {
              kind: 'ou' as const,
              targetId: 'ou-ab12-prod0001',
              name: 'Prod',
            },
            sid: 'EnforceOrgIdentities',
            effect: 'Deny' as const,
            statementIndex: 0,
            layer: 'rcp' as const,
          },
        ],
        layers: {
          decidedBy: ['rcp' as const],
          scp: {
            applies: false,
            reason: 'not in the organization',
            accountId: '777788889999',
          },
          rcp: {
            applies: true,
            decision: 'denied' as const,
            accountId: '123456789012',
          },
          principalAccountId: '777788889999',
          resourceAccountId: '123456789012',
        },
      })),
    });
    await render(api);
    fireEvent.change(screen.getByLabelText(/Action/), {
      target: { value: 's3:GetObject' },
    });
    fireEvent.change(screen.getByLabelText(/Principal account/), {
      target: { value: '777788889999' },
    });
    fireEvent.change(screen.getByLabelText(/Principal's organization/), {
      target: { value: 'none' },
    });
    fireEvent.change(screen.getByLabelText(/Resource account/), {
      target: { value: '123456789012' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    expect(await screen.findByTestId('aws-simulation-denied')).toBeVisible();
    expect(api.simulate).toHaveBeenCalledWith({
      accountId: '123456789012',
      action: 's3:GetObject',
      principalAccountId: '777788889999',
      principalOrgId: null,
      resourceAccountId: '123456789012',
    });
    const layers = screen.getByTestId('aws-simulation-layers');
    expect(layers).toHaveTextContent('Decided by: resource control policies');
    expect(layers).toHaveTextContent(
      "Service control policies of the principal's account 777788889999: do not apply",
    );
    expect(layers).toHaveTextContent(
      "Resource control policies of the resource's account 123456789012: denied",
    );
    expect(screen.getByTestId('aws-simulation-result')).toHaveTextContent(
      'RCP',
    );
  });
});

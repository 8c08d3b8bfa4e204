import { screen } from '@testing-library/react';
import { access, accountEntity, compliance } from '../__testUtils__/data';
import { mockAwsApi, renderWithApis } from '../__testUtils__/testUtils';
import { AccountAccess } from './AccountAccess/AccountAccess';
import { AccountCompliance } from './AccountCompliance/AccountCompliance';
import { SimulationOutcome } from './AccountGuardrails/SimulationOutcome';

// material-table keys its row state by each row's `id` and warns (in a
// development build) about rows without one: record the rows each of the
// plugin's tables is given, still rendering the real table.
const tableRows: unknown[][] = [];
jest.mock('@backstage/core-components', () => {
  const actual = jest.requireActual('@backstage/core-components');
  return {
    ...actual,
    Table: (props: { data: unknown }) => {
      if (Array.isArray(props.data)) tableRows.push(props.data);
      return <actual.Table {...props} />;
    },
  };
});

function expectUniqueIds() {
  expect(tableRows.length).toBeGreaterThan(0);
  for (const rows of tableRows) {
    expect(rows.length).toBeGreaterThan(0);
    const ids = rows.map(row => (row as { id?: unknown }).id);
    for (const id of ids) expect(typeof id).toBe('string');
    expect(new Set(ids).size).toBe(ids.length);
  }
}

describe('table rows carry ids', () => {
  beforeEach(() => {
    tableRows.length = 0;
  });

  it('compliance rules', async () => {
    const api = mockAwsApi({
      getAccountCompliance: jest.fn(async () => compliance),
    });
    await renderWithApis(<AccountCompliance />, { api, entity: accountEntity });
    await screen.findByText('Account has an owner');
    expectUniqueIds();
    // "Non-compliant" stays one word in the narrow status column.
    const cells = screen
      .getAllByText('Non-compliant')
      .map(status => status.closest('td'))
      .filter(cell => cell !== null);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell).toHaveStyle({ whiteSpace: 'nowrap' });
    }
  });

  it('access grants', async () => {
    const api = mockAwsApi({ getAccountAccess: jest.fn(async () => access) });
    await renderWithApis(<AccountAccess />, { api, entity: accountEntity });
    await screen.findAllByRole('row');
    expectUniqueIds();
    // Permission set names are one word: never broken in a narrow column.
    const name = screen.getAllByText('AdministratorAccess')[0];
    expect(name.closest('td')).toHaveStyle({ whiteSpace: 'nowrap' });
  });

  it('decisive statements, two of the same policy', async () => {
    const statement = {
      policyId: 'p-deny0001',
      policyName: 'DenyLeaveOrganization',
      level: {
        kind: 'ou' as const,
        targetId: 'ou-ab12-prod0001',
        name: 'Prod',
      },
      effect: 'Deny' as const,
      statementIndex: 0,
    };
    await renderWithApis(
      <SimulationOutcome
        result={
          {
            decision: 'denied',
            reasons: ['denied'],
            decisiveStatements: [
              statement,
              {
                ...statement,
                statementIndex: 1,
                sid: 'DenyOutsideApprovedRegions',
              },
            ],
          } as never
        }
      />,
      { api: mockAwsApi({}) },
    );
    expect(tableRows[tableRows.length - 1]).toHaveLength(2);
    expectUniqueIds();
    // A statement's Sid is one word: not broken mid-word.
    const sid = await screen.findByText('DenyOutsideApprovedRegions');
    expect(sid.closest('td')).toHaveStyle({ whiteSpace: 'nowrap' });
  });
});

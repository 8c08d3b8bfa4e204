import {
  AccessGrant,
  Account,
  GroupMemberView,
  PermissionSetView,
  ResolvedPrincipal,
} from '@aws-governance/plugin-aws-organizations-common';
import { groupMembers } from './access';
import { csvLines } from './csv';
import { compareNames, compareText } from './order';
import { permissionSetView } from './permissionSetView';
import { GovernanceIndex } from './types';

/** Columns of the access report, in order. */
export const ACCESS_REPORT_COLUMNS = [
  'account_id',
  'account_name',
  'account_state',
  'ou_path',
  'permission_set',
  'permission_set_arn',
  'privileged',
  'session_duration',
  'principal_type',
  'principal_id',
  'principal_name',
  'principal_ref',
  'via',
  'group_id',
  'group_name',
] as const;

/** One row of the access report. */
export type AccessReportRow = Record<
  (typeof ACCESS_REPORT_COLUMNS)[number],
  string
>;

// The cells of a row come in segments, in column order: account (4),
// permission set (4), principal (4), via (1), group (2).
const accountCells = (index: GovernanceIndex, account: Account) => [
  account.id,
  account.name,
  account.state,
  account.path.map(id => index.unitName(id) ?? id).join(' / '),
];
const permissionSetCells = (view: PermissionSetView) => [
  view.name,
  view.arn,
  String(view.privileged),
  view.sessionDuration,
];
const principalCells = (p: ResolvedPrincipal) => [
  p.type,
  p.id,
  p.name,
  p.ref ?? '',
];
const memberCells = (m: GroupMemberView) => [
  'USER',
  m.userId,
  m.userName,
  m.ref ?? '',
];
const NO_GROUP = ['', ''];
const groupCells = (group: ResolvedPrincipal) => [group.id, group.name];

/**
 * The rows of one account's grants (the `grants` of `GET
 * /accounts/:id/access`, as the caller may see them): for every grant, one
 * row for its principal (`via` direct) and, for a group with members, one
 * row per member user (`via` group, with the group).
 */
export function accountGrantCells(
  index: GovernanceIndex,
  account: Account,
  grants: readonly AccessGrant[],
): string[][] {
  const accountPart = accountCells(index, account);
  const rows: string[][] = [];
  for (const { permissionSet, principal, members } of grants) {
    const head = [...accountPart, ...permissionSetCells(permissionSet)];
    rows.push([...head, ...principalCells(principal), 'direct', ...NO_GROUP]);
    for (const member of members ?? []) {
      rows.push([
        ...head,
        ...memberCells(member),
        'group',
        ...groupCells(principal),
      ]);
    }
  }
  return rows;
}

/**
 * The grants of each account, accounts by name then id; within an account
 * by permission set, groups before users, then principal name (the order
 * of `GET /accounts/:id/access`). Members are looked up once per group.
 */
function* grantsByAccount(
  index: GovernanceIndex,
): Generator<{ account: Account; grants: AccessGrant[] }> {
  const members = new Map<string, GroupMemberView[]>();
  const membersOf = (groupId: string) => {
    let list = members.get(groupId);
    if (!list) members.set(groupId, (list = groupMembers(index, groupId)));
    return list;
  };
  for (const account of index.accountsInOrder) {
    const assignments = index.assignmentsByAccount.get(account.id);
    if (!assignments) continue;
    const grants = assignments.map((assignment): AccessGrant => {
      const principal = index.principal(
        assignment.principalType,
        assignment.principalId,
      );
      return {
        permissionSet: permissionSetView(index, assignment.permissionSetArn),
        principal,
        via: 'direct',
        ...(assignment.principalType === 'GROUP'
          ? { members: membersOf(principal.id) }
          : {}),
      };
    });
    grants.sort(
      (a, b) =>
        compareNames(a.permissionSet.name, b.permissionSet.name) ||
        compareText(a.principal.type, b.principal.type) ||
        compareNames(a.principal.name, b.principal.name) ||
        compareText(a.principal.id, b.principal.id),
    );
    yield { account, grants };
  }
}

function toRow(cells: string[]): AccessReportRow {
  const row = {} as AccessReportRow;
  ACCESS_REPORT_COLUMNS.forEach((column, i) => {
    row[column] = cells[i];
  });
  return row;
}

/**
 * The access report's rows: {@link accountGrantCells} of every account,
 * accounts by name then id.
 */
export function* accessReportRows(
  index: GovernanceIndex,
): Generator<AccessReportRow> {
  for (const { account, grants } of grantsByAccount(index)) {
    for (const cells of accountGrantCells(index, account, grants)) {
      yield toRow(cells);
    }
  }
}

/**
 * The access report as CSV, in chunks: the header line, then the lines of
 * one account per chunk; for a route to stream with backpressure. Written
 * by {@link csvLines} (RFC 4180, formula-injection guard), the same writer
 * and columns as one account's export ({@link accountAccessCsv}).
 */
export function* accessReportCsvChunks(
  index: GovernanceIndex,
): Generator<string> {
  yield csvLines([ACCESS_REPORT_COLUMNS]);
  for (const { account, grants } of grantsByAccount(index)) {
    yield csvLines(accountGrantCells(index, account, grants));
  }
}

/**
 * `GET /reports/access.csv` in one string: {@link accessReportCsvChunks}
 * joined. Prefer streaming the chunks for large organizations.
 */
export function accessReportCsv(index: GovernanceIndex): string {
  return [...accessReportCsvChunks(index)].join('');
}

/**
 * `GET /accounts/:id/access.csv`: one account's grants, as the caller may
 * see them, in the columns of the access report.
 */
export function accountAccessCsv(
  index: GovernanceIndex,
  account: Account,
  grants: readonly AccessGrant[],
): string {
  return csvLines([
    ACCESS_REPORT_COLUMNS,
    ...accountGrantCells(index, account, grants),
  ]);
}

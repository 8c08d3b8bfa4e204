import {
  Account,
  GroupMemberView,
  PermissionSetView,
  ResolvedPrincipal,
} from '@aws-governance/plugin-aws-organizations-common';
import { groupMembers } from './access';
import { csvCells } from './csv';
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

const CRLF = '\r\n';

/** One assignment of an account, with what its rows need. */
interface Grant {
  view: PermissionSetView;
  principal: ResolvedPrincipal;
  /** For a group: its members. */
  members?: GroupMemberView[];
}

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
 * The grants of each account, accounts by name then id; within an account
 * by permission set, groups before users, then principal name. Members are
 * looked up once per group.
 */
function* grantsByAccount(
  index: GovernanceIndex,
): Generator<{ account: Account; grants: Grant[] }> {
  const members = new Map<string, GroupMemberView[]>();
  const membersOf = (groupId: string) => {
    let list = members.get(groupId);
    if (!list) members.set(groupId, (list = groupMembers(index, groupId)));
    return list;
  };
  for (const account of index.accountsInOrder) {
    const assignments = index.assignmentsByAccount.get(account.id);
    if (!assignments) continue;
    const grants = assignments.map((assignment): Grant => {
      const principal = index.principal(
        assignment.principalType,
        assignment.principalId,
      );
      return {
        view: permissionSetView(index, assignment.permissionSetArn),
        principal,
        ...(assignment.principalType === 'GROUP'
          ? { members: membersOf(principal.id) }
          : {}),
      };
    });
    grants.sort(
      (a, b) =>
        compareNames(a.view.name, b.view.name) ||
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
 * The access report's rows: for every assignment, one row for its principal
 * (`via` direct) and, for a group, one row per member user (`via` group,
 * with the group). Accounts by name then id; within an account by
 * permission set, groups before users, then principal name.
 */
export function* accessReportRows(
  index: GovernanceIndex,
): Generator<AccessReportRow> {
  for (const { account, grants } of grantsByAccount(index)) {
    const accountPart = accountCells(index, account);
    for (const { view, principal, members } of grants) {
      const head = [...accountPart, ...permissionSetCells(view)];
      yield toRow([
        ...head,
        ...principalCells(principal),
        'direct',
        ...NO_GROUP,
      ]);
      for (const member of members ?? []) {
        yield toRow([
          ...head,
          ...memberCells(member),
          'group',
          ...groupCells(principal),
        ]);
      }
    }
  }
}

/**
 * The access report as CSV, in chunks: the header line, then the lines of
 * one account per chunk; for a route to stream with backpressure. RFC 4180
 * (CRLF line ends, quotes where needed), every cell guarded against
 * formula injection. Same rows as {@link accessReportRows}; each repeated
 * part (account, permission set, group member) is quoted once.
 */
export function* accessReportCsvChunks(
  index: GovernanceIndex,
): Generator<string> {
  yield csvCells(ACCESS_REPORT_COLUMNS) + CRLF;
  const quotedSets = new Map<string, string>();
  const quotedMembers = new Map<string, string[]>();
  for (const { account, grants } of grantsByAccount(index)) {
    const accountPart = csvCells(accountCells(index, account));
    let chunk = '';
    for (const { view, principal, members } of grants) {
      let setPart = quotedSets.get(view.arn);
      if (setPart === undefined) {
        setPart = csvCells(permissionSetCells(view));
        quotedSets.set(view.arn, setPart);
      }
      const head = `${accountPart},${setPart},`;
      chunk += `${head}${csvCells(principalCells(principal))},direct,,${CRLF}`;
      if (!members?.length) continue;
      let memberParts = quotedMembers.get(principal.id);
      if (!memberParts) {
        memberParts = members.map(m => csvCells(memberCells(m)));
        quotedMembers.set(principal.id, memberParts);
      }
      const tail = `,group,${csvCells(groupCells(principal))}${CRLF}`;
      for (const memberPart of memberParts) {
        chunk += head + memberPart + tail;
      }
    }
    yield chunk;
  }
}

/**
 * `GET /reports/access.csv` in one string: {@link accessReportCsvChunks}
 * joined. Prefer streaming the chunks for large organizations.
 */
export function accessReportCsv(index: GovernanceIndex): string {
  return [...accessReportCsvChunks(index)].join('');
}

import { GroupMemberView } from '@aws-governance/plugin-aws-organizations-common';
import stringify from 'csv-stringify/lib/sync';
import { groupMembers } from './access';
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

/**
 * The access report's rows: for every assignment, one row for its principal
 * (`via` direct) and, for a group, one row per member user (`via` group,
 * with the group). Accounts by name then id; within an account by
 * permission set, groups before users, then principal name.
 */
export function* accessReportRows(
  index: GovernanceIndex,
): Generator<AccessReportRow> {
  const members = new Map<string, GroupMemberView[]>();
  const membersOf = (groupId: string) => {
    let list = members.get(groupId);
    if (!list) members.set(groupId, (list = groupMembers(index, groupId)));
    return list;
  };
  for (const account of index.accountsInOrder) {
    const assignments = index.assignmentsByAccount.get(account.id);
    if (!assignments) continue;
    const ouPath = account.path.map(id => index.unitName(id) ?? id).join(' / ');
    const entries = assignments
      .map(assignment => ({
        assignment,
        view: permissionSetView(index, assignment.permissionSetArn),
        principal: index.principal(
          assignment.principalType,
          assignment.principalId,
        ),
      }))
      .sort(
        (a, b) =>
          compareNames(a.view.name, b.view.name) ||
          compareText(a.principal.type, b.principal.type) ||
          compareNames(a.principal.name, b.principal.name) ||
          compareText(a.principal.id, b.principal.id),
      );
    for (const { assignment, view, principal } of entries) {
      const base = {
        account_id: account.id,
        account_name: account.name,
        account_state: account.state,
        ou_path: ouPath,
        permission_set: view.name,
        permission_set_arn: view.arn,
        privileged: String(view.privileged),
        session_duration: view.sessionDuration,
      };
      yield {
        ...base,
        principal_type: principal.type,
        principal_id: principal.id,
        principal_name: principal.name,
        principal_ref: principal.ref ?? '',
        via: 'direct',
        group_id: '',
        group_name: '',
      };
      if (assignment.principalType !== 'GROUP') continue;
      for (const member of membersOf(principal.id)) {
        yield {
          ...base,
          principal_type: 'USER',
          principal_id: member.userId,
          principal_name: member.userName,
          principal_ref: member.ref ?? '',
          via: 'group',
          group_id: principal.id,
          group_name: principal.name,
        };
      }
    }
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Guards a cell against CSV formula injection: a value a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return) gets a leading `'`.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * `GET /reports/access.csv`: {@link accessReportRows} as RFC 4180 CSV with
 * a header line and CRLF line ends, every cell guarded against formula
 * injection.
 */
export function accessReportCsv(index: GovernanceIndex): string {
  const records: string[][] = [];
  for (const row of accessReportRows(index)) {
    records.push(ACCESS_REPORT_COLUMNS.map(c => escapeFormula(row[c])));
  }
  return stringify(records, {
    header: true,
    columns: [...ACCESS_REPORT_COLUMNS],
    record_delimiter: 'windows',
    // csv-stringify 5 quotes on delimiters and quotes only: line breaks too.
    quoted_match: /[\r\n]/,
  });
}

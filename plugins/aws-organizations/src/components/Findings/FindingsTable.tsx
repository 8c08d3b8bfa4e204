import { SecurityFinding } from '@aws-governance/plugin-aws-organizations-common';
import { Link, Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { NO_WRAP } from '../common/cellStyles';
import { formatDateTime } from '../common/format';
import { withRowIds } from '../common/rowIds';
import { pagedTableOptions } from '../common/tableOptions';
import { FindingSeverityChip, SEVERITY_RANK } from './SeverityCounts';

/** Most severe first, then the newest (by first observation). */
export function sortFindings(findings: SecurityFinding[]): SecurityFinding[] {
  const time = (f: SecurityFinding) =>
    Date.parse(f.firstObservedAt ?? f.updatedAt ?? '') || 0;
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      time(b) - time(a) ||
      a.title.localeCompare(b.title),
  );
}

/** The finding in the AWS console, in a new tab. */
export function ConsoleLink(props: { finding: SecurityFinding }) {
  return (
    <Link
      to={props.finding.consoleUrl}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="aws-finding-console-link"
      style={NO_WRAP}
    >
      AWS console
    </Link>
  );
}

function columns(
  accountLabel?: (accountId: string) => ReactNode,
): TableColumn<SecurityFinding>[] {
  return [
    {
      title: 'Severity',
      field: 'severity',
      width: '120px',
      render: f => <FindingSeverityChip severity={f.severity} />,
    },
    {
      title: 'Finding',
      field: 'title',
      render: f => (
        <>
          <Typography variant="body2">
            <strong>{f.title}</strong>
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {f.productName}
            {f.resourceId ? ` · ${f.resourceId}` : ''}
            {f.principal ? ` · principal ${f.principal}` : ''}
          </Typography>
        </>
      ),
    },
    ...(accountLabel
      ? [
          {
            title: 'Account',
            field: 'accountId',
            cellStyle: NO_WRAP,
            render: (f: SecurityFinding) => accountLabel(f.accountId),
          },
        ]
      : []),
    {
      title: 'First seen',
      field: 'firstObservedAt',
      cellStyle: NO_WRAP,
      render: f => formatDateTime(f.firstObservedAt),
    },
    {
      title: 'Details',
      sorting: false,
      render: f => <ConsoleLink finding={f} />,
    },
  ];
}

/**
 * Findings, most severe first, each with a link to it in the AWS console;
 * with an account column when they span accounts.
 */
export function FindingsTable(props: {
  title: string;
  subtitle?: string;
  findings: SecurityFinding[];
  pageSize?: number;
  /** Shows an account column, each cell as this renders the id. */
  accountLabel?: (accountId: string) => ReactNode;
  emptyText: string;
}) {
  const { findings, pageSize = 10 } = props;
  return (
    <div data-testid="aws-findings-table">
      <Table<SecurityFinding>
        title={props.title}
        subtitle={props.subtitle}
        options={pagedTableOptions(findings.length, pageSize)}
        columns={columns(props.accountLabel)}
        data={withRowIds(sortFindings(findings), f => f.id)}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            {props.emptyText}
          </Typography>
        }
      />
    </div>
  );
}

import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import {
  ComplianceStatus,
  RuleSeverity,
} from '@aws-governance/plugin-aws-organizations-common';
import Chip from '@material-ui/core/Chip';
import { NO_WRAP } from './cellStyles';

const LABELS: Record<ComplianceStatus, string> = {
  pass: 'Compliant',
  fail: 'Non-compliant',
  warn: 'Warning',
  unknown: 'Unknown',
};

/** A compliance status as a Backstage status indicator with its word. */
export function ComplianceStatusLabel(props: { status: ComplianceStatus }) {
  const { status } = props;
  const label = LABELS[status] ?? status;
  // One word, never broken ("Non-compli ant") in a narrow column.
  return <span style={NO_WRAP}>{indicator(status, label)}</span>;
}

function indicator(status: ComplianceStatus, label: string) {
  const testId = `aws-compliance-${status}`;
  switch (status) {
    case 'pass':
      return <StatusOK data-testid={testId}>{label}</StatusOK>;
    case 'fail':
      return <StatusError data-testid={testId}>{label}</StatusError>;
    case 'warn':
      return <StatusWarning data-testid={testId}>{label}</StatusWarning>;
    default:
      return <StatusAborted data-testid={testId}>{label}</StatusAborted>;
  }
}

const SEVERITY_COLORS: Record<RuleSeverity, 'secondary' | 'default'> = {
  critical: 'secondary',
  high: 'secondary',
  medium: 'default',
  low: 'default',
};

/** A rule's severity as a small chip. */
export function SeverityChip(props: { severity: RuleSeverity }) {
  return (
    <Chip
      size="small"
      label={props.severity}
      color={SEVERITY_COLORS[props.severity] ?? 'default'}
      variant={
        props.severity === 'critical' || props.severity === 'medium'
          ? 'default'
          : 'outlined'
      }
    />
  );
}

import {
  SimulationLayer,
  SimulationResult,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NO_WRAP } from '../common/cellStyles';
import { withRowIds } from '../common/rowIds';

type Statement = SimulationResult['decisiveStatements'][number];

const LAYER_NAMES = {
  scp: 'Service control policies',
  rcp: 'Resource control policies',
};

const columns: TableColumn<Statement>[] = [
  { title: 'Layer', render: s => (s.layer === 'rcp' ? 'RCP' : 'SCP') },
  { title: 'Policy', field: 'policyName' },
  {
    title: 'Attached to',
    render: s =>
      `${s.level.kind === 'ou' ? 'OU' : s.level.kind}: ${s.level.name}`,
  },
  {
    title: 'Statement',
    // A Sid is one word: not broken mid-word ("DenyOutsideApprovedRegi ons").
    cellStyle: NO_WRAP,
    render: s => s.sid ?? `#${s.statementIndex + 1}`,
  },
  { title: 'Effect', field: 'effect' },
];

function Decision(props: { decision: SimulationResult['decision'] }) {
  switch (props.decision) {
    case 'allowed':
      return <StatusOK>Allowed</StatusOK>;
    case 'denied':
      return <StatusError>Denied</StatusError>;
    default:
      return <StatusWarning>Indeterminate</StatusWarning>;
  }
}

function layerLine(
  layer: 'scp' | 'rcp',
  outcome: SimulationLayer,
  side: string,
): string {
  const name = LAYER_NAMES[layer];
  const of = outcome.accountId
    ? ` of ${side} account ${outcome.accountId}`
    : '';
  if (!outcome.applies) return `${name}${of}: do not apply`;
  return `${name}${of}: ${outcome.decision}`;
}

function DecidedBy(props: { layers: NonNullable<SimulationResult['layers']> }) {
  const { layers } = props;
  const decided =
    layers.decidedBy.length === 0
      ? 'no guardrail layer applies to this request'
      : layers.decidedBy.map(l => LAYER_NAMES[l].toLowerCase()).join(' and ');
  return (
    <Box data-testid="aws-simulation-layers">
      <Typography variant="body2">
        <strong>Decided by:</strong> {decided}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {layerLine('scp', layers.scp, "the principal's")}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {layerLine('rcp', layers.rcp, "the resource's")}
      </Typography>
    </Box>
  );
}

/** The decision of a simulation, which layer decided, why, and the statements. */
export function SimulationOutcome(props: { result: SimulationResult }) {
  const { result } = props;
  return (
    <Box mt={2} data-testid="aws-simulation-result">
      <Typography
        variant="h6"
        data-testid={`aws-simulation-${result.decision}`}
      >
        <Decision decision={result.decision} />
      </Typography>
      {result.layers && <DecidedBy layers={result.layers} />}
      <ul>
        {result.reasons.map(reason => (
          <li key={reason}>
            <Typography variant="body2">{reason}</Typography>
          </li>
        ))}
      </ul>
      {result.decisiveStatements.length > 0 && (
        <Table
          title="Decisive statements"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns}
          data={withRowIds(
            result.decisiveStatements,
            s =>
              `${s.layer ?? 'scp'}:${s.level.targetId}:${s.policyId}:${
                s.statementIndex
              }`,
          )}
        />
      )}
    </Box>
  );
}

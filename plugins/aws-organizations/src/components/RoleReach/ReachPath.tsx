import {
  ReachDecision,
  ReachPath,
  ReachStatementRef,
  ReachStep,
  RoleHop,
} from '@aws-governance/plugin-aws-organizations-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';

/** The name of a role from its ARN (the part after the last slash). */
export function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function accountLabel(id: string, names: Record<string, string>): string {
  return names[id] ? `${names[id]} (${id})` : id;
}

/**
 * A key naming a path (start permission set and account, then each role
 * hop), for row ids and React keys.
 */
export function pathKey(path: ReachPath): string {
  return `${path.start.permissionSetArn}:${path.start.accountId}:${path.hops
    .map(h => h.toRoleArn)
    .join('>')}`;
}

/** A path in one line: `Admin in payments-dev → Deploy in payments-prod`. */
export function pathSummary(
  path: ReachPath,
  names: Record<string, string>,
): string {
  const start = `${path.start.permissionSetName} in ${
    names[path.start.accountId] ?? path.start.accountId
  }`;
  const hops = path.hops.map(
    h => `${roleName(h.toRoleArn)} in ${names[h.toAccountId] ?? h.toAccountId}`,
  );
  return [start, ...hops].join(' → ');
}

/** A decision as a small chip: allowed, or indeterminate highlighted. */
export function DecisionChip(props: { decision: ReachDecision }) {
  const { decision } = props;
  return (
    <Chip
      size="small"
      label={decision === 'allowed' ? 'Allowed' : 'Indeterminate'}
      color={decision === 'allowed' ? 'primary' : 'default'}
      variant={decision === 'allowed' ? 'default' : 'outlined'}
      data-testid={`aws-reach-decision-${decision}`}
    />
  );
}

function statementLabel(s: ReachStatementRef): string {
  const where = s.level ? ` at ${s.level.name}` : '';
  // Numbered from 1 with the Sid quoted, as the simulator's reasons say it.
  const position = `#${s.statementIndex + 1}`;
  const name = s.sid ? `"${s.sid}" (${position})` : position;
  return `${s.policy.toUpperCase()} ${s.policyName} statement ${name}: ${
    s.effect
  }${where}`;
}

const CHECK_NAMES: Record<ReachStep['check'], string> = {
  identity: 'Identity policies',
  trust: 'Trust policy',
  guardrails: 'SCPs and RCPs',
};

function Hop(props: { hop: RoleHop; names: Record<string, string> }) {
  const { hop, names } = props;
  return (
    <Box mb={1} data-testid="aws-reach-hop">
      {/* A div: the decision chip is one (no <div> inside a <p>). */}
      <Typography variant="body2" component="div">
        <strong>{hop.fromLabel}</strong> may assume{' '}
        <strong>{roleName(hop.toRoleArn)}</strong> in{' '}
        {accountLabel(hop.toAccountId, names)}{' '}
        <DecisionChip decision={hop.decision} />
      </Typography>
      <Box component="ul" mt={0} mb={0}>
        {hop.steps.map(step => (
          <li key={step.check}>
            <Typography variant="body2">
              {CHECK_NAMES[step.check]}: {step.decision}
              {step.statements.length > 0 &&
                ` — ${step.statements.map(statementLabel).join('; ')}`}
              {step.reasons.length > 0 && ` (${step.reasons.join('; ')})`}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

/** A path hop by hop, with the statements that decided each check. */
export function ReachPathDetails(props: {
  path: ReachPath;
  accountNames: Record<string, string>;
}) {
  const { path, accountNames } = props;
  return (
    <Box data-testid="aws-reach-path">
      <Typography variant="body2" paragraph>
        Permission set <strong>{path.start.permissionSetName}</strong> in{' '}
        {accountLabel(path.start.accountId, accountNames)}
      </Typography>
      {path.hops.map((hop, i) => (
        <Hop key={`${i}:${hop.toRoleArn}`} hop={hop} names={accountNames} />
      ))}
    </Box>
  );
}

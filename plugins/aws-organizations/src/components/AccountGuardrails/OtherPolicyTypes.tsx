import { AccountPolicyTypeView } from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LEVEL_NAMES, PolicyAccordion } from './PolicyLevels';

function PolicyType(props: { view: AccountPolicyTypeView }) {
  const { view } = props;
  const attached = (view.levels ?? []).flatMap(level =>
    level.policies.map(policy => ({ level, policy })),
  );
  return (
    <Box mb={2} data-testid={`aws-policy-type-${view.type}`}>
      <Typography variant="h6">
        {view.title}
        {view.status !== 'ENABLED' && ` (${view.status.toLowerCase()})`}
      </Typography>
      {view.unknownReason !== undefined && (
        <Typography variant="body2" color="error">
          Unknown: the last read could not list these policies (
          {view.unknownReason}).
        </Typography>
      )}
      {view.levels && attached.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          None attached on this account's path.
        </Typography>
      )}
      {attached.map(({ level, policy }) => (
        <PolicyAccordion
          key={`${level.targetId}-${policy.id}`}
          policy={policy}
          caption={
            level.kind === 'account'
              ? 'Attached to this account'
              : `Inherited from ${LEVEL_NAMES[level.kind].toLowerCase()} ${
                  level.name
                }`
          }
        />
      ))}
    </Box>
  );
}

/**
 * The organization's other policy types (backup, tag, declarative ...)
 * attached on the account's path, with their documents and where each is
 * inherited from. Shown as AWS returns them, not evaluated.
 */
export function OtherPolicyTypes(props: { types: AccountPolicyTypeView[] }) {
  return (
    <InfoCard
      title="Other organization policies"
      subheader="Shown as written; the portal does not compute their effective (merged) form."
    >
      {props.types.map(view => (
        <PolicyType key={view.type} view={view} />
      ))}
    </InfoCard>
  );
}

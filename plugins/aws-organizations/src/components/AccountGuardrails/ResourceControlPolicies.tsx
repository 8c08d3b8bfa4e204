import { ResourceGuardrails } from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LevelSection, SentenceList } from './PolicyLevels';

function statusLine(rcps: ResourceGuardrails): string | undefined {
  if (rcps.status === 'not-enabled') {
    return 'The organization has not enabled resource control policies: nothing restricts access to resources on this layer.';
  }
  if (rcps.status === 'unknown') {
    return 'The organization has enabled resource control policies, but the last read does not hold them: their effect is unknown.';
  }
  if (rcps.managementAccountExempt) {
    return 'Resource control policies do not restrict resources of the management account.';
  }
  return undefined;
}

/**
 * The RCPs that cap what anyone (inside the organization or not) may do
 * to the account's resources: what they mean, then level by level.
 */
export function ResourceControlPolicies(props: { rcps: ResourceGuardrails }) {
  const { rcps } = props;
  const line = statusLine(rcps);
  return (
    <InfoCard title="Effective resource control policies">
      <div data-testid="aws-rcp-summary">
        {line && (
          <Typography variant="body2" paragraph>
            {line}
          </Typography>
        )}
        {rcps.status === 'enabled' && (
          <SentenceList
            sentences={rcps.summary}
            empty="No resource control policy restricts this account's resources (RCPFullAWSAccess only)."
          />
        )}
      </div>
      {rcps.status !== 'not-enabled' && (
        <Box mt={2}>
          {rcps.levels.map(level => (
            <LevelSection
              key={`${level.kind}-${level.targetId}`}
              level={level}
              word="RCP"
              testIdPrefix="aws-rcp-level"
            />
          ))}
        </Box>
      )}
    </InfoCard>
  );
}

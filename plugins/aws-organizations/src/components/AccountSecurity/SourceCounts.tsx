import {
  AccountFindingCountsResponse,
  FindingOrigin,
  SIGNAL_SOURCES,
  SignalSource,
} from '@aws-governance/plugin-aws-organizations-common';
import { StatusAborted, StatusOK } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { pluralize } from '../common/format';
import { SeverityCountsChips } from '../Findings/SeverityCounts';
import {
  notConnectedReason,
  ORIGIN_LABELS,
  originNotCounted,
  SOURCE_LABELS,
} from '../Findings/sources';

type Counts = AccountFindingCountsResponse;

/** One origin's counts, or why it has none (never "no findings"). */
function OriginCounts(props: { counts: Counts; origin: FindingOrigin }) {
  const { counts, origin } = props;
  const byOrigin = counts.byOrigin[origin];
  return (
    <Box mb={1} data-testid={`aws-origin-${origin}`}>
      <Typography variant="body2" gutterBottom>
        {ORIGIN_LABELS[origin]}
      </Typography>
      {byOrigin ? (
        <SeverityCountsChips counts={byOrigin} />
      ) : (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="aws-origin-not-counted"
        >
          {originNotCounted(origin, counts.sources)}
        </Typography>
      )}
    </Box>
  );
}

function ConfigCounts(props: { counts: Counts }) {
  const config = props.counts.config;
  if (!config) return null;
  const { rules, conformancePacks, nonCompliantRules } = config;
  return (
    <Box data-testid="aws-config-compliance">
      <Typography variant="body2">
        Config rules: {rules.compliant} compliant, {rules.nonCompliant}{' '}
        non-compliant, {rules.insufficientData} with insufficient data.
      </Typography>
      {nonCompliantRules.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Non-compliant: {nonCompliantRules.join(', ')}
        </Typography>
      )}
      {conformancePacks.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Conformance packs:{' '}
          {conformancePacks
            .map(
              p =>
                `${p.name} (${p.compliance
                  .toLocaleLowerCase('en-US')
                  .replace(/_/g, ' ')})`,
            )
            .join(', ')}
        </Typography>
      )}
    </Box>
  );
}

function sourceBody(source: SignalSource, counts: Counts): ReactNode {
  switch (source) {
    case 'security-hub':
      return (
        <>
          <OriginCounts counts={counts} origin="security-hub" />
          {counts.agedCriticalHigh.map(aged => (
            <Typography
              key={aged.days}
              variant="body2"
              color={aged.count ? 'error' : 'textSecondary'}
            >
              {pluralize(aged.count, 'critical or high finding')} older than{' '}
              {aged.days} days
            </Typography>
          ))}
        </>
      );
    case 'access-analyzer':
      return (
        <>
          <OriginCounts counts={counts} origin="access-analyzer-external" />
          <OriginCounts counts={counts} origin="access-analyzer-unused" />
          {counts.externalAccess !== undefined && (
            <Typography
              variant="body2"
              color={counts.externalAccess ? 'error' : 'textSecondary'}
            >
              {pluralize(counts.externalAccess, 'finding')} granting access
              outside the organization
            </Typography>
          )}
        </>
      );
    case 'config':
      return <ConfigCounts counts={counts} />;
    default:
      return (
        <Typography variant="body2" color="textSecondary">
          The organization trail is read from the management account; whether it
          logs and delivers to the security account is a rule on the Compliance
          tab.
        </Typography>
      );
  }
}

/**
 * Each detector source with its status (where it was read from, or why it
 * is not connected) and the account's counts from it.
 */
export function SourceCounts(props: { counts: Counts }) {
  const { counts } = props;
  return (
    <div data-testid="aws-signal-sources">
      {SIGNAL_SOURCES.map((source, i) => {
        const status = counts.sources[source];
        const reason = notConnectedReason(status);
        return (
          <Box key={source} data-testid={`aws-source-${source}`}>
            {i > 0 && <Divider />}
            <Box py={1.5}>
              <Box display="flex" alignItems="center" mb={1}>
                <Typography variant="subtitle2" component="div">
                  {SOURCE_LABELS[source]}
                </Typography>
                <Box ml={2}>
                  {reason ? (
                    <StatusAborted>Not connected</StatusAborted>
                  ) : (
                    <StatusOK>Connected</StatusOK>
                  )}
                </Box>
                {status.status === 'connected' && (
                  <Box ml={2}>
                    <Typography variant="caption" color="textSecondary">
                      {status.accountId
                        ? `read from account ${status.accountId}, ${status.region}`
                        : `read in ${status.region}`}
                    </Typography>
                  </Box>
                )}
              </Box>
              {reason ? (
                <Typography
                  variant="body2"
                  color="textSecondary"
                  data-testid="aws-source-not-connected"
                >
                  {reason}. Its findings are unknown, not zero.
                </Typography>
              ) : (
                sourceBody(source, counts)
              )}
            </Box>
          </Box>
        );
      })}
    </div>
  );
}

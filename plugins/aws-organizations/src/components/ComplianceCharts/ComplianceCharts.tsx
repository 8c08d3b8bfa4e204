import {
  ComplianceCounts,
  OrganizationComplianceSummary,
} from '@aws-governance/plugin-aws-organizations-common';
import { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { ComplianceCountsBar } from '../common/ComplianceCountsBar';
import { SeverityChip } from '../common/ComplianceStatusLabel';
import { formatCount, pluralize } from '../common/format';

const MAX_ROWS = 10;

/** Root ids are `r-` and 4-32 characters (AWS Organizations). */
const isRoot = (id: string) => id.startsWith('r-');

/** Units with the most non-compliant accounts first. */
function worstUnits(summary: OrganizationComplianceSummary) {
  return [...summary.byUnit]
    .sort(
      (a, b) =>
        b.counts.fail - a.counts.fail ||
        b.counts.warn - a.counts.warn ||
        a.name.localeCompare(b.name),
    )
    .slice(0, MAX_ROWS);
}

/** Rules failing on the most accounts first; rules nobody fails left out. */
function mostFailedRules(summary: OrganizationComplianceSummary) {
  return summary.rules
    .filter(rule => rule.counts.fail > 0)
    .sort(
      (a, b) => b.counts.fail - a.counts.fail || a.title.localeCompare(b.title),
    )
    .slice(0, MAX_ROWS);
}

const total = (c: {
  pass: number;
  fail: number;
  warn: number;
  unknown: number;
}) => c.pass + c.fail + c.warn + c.unknown;

/**
 * The owners with the most non-compliant accounts, as the summary lists
 * them (bounded by the backend however many teams own accounts).
 */
function OwnersChart(props: { summary: OrganizationComplianceSummary }) {
  const { byOwner, ownerCount } = props.summary;
  return (
    <InfoCard
      title="Compliance by owner"
      subheader={
        ownerCount > byOwner.length
          ? `The ${
              byOwner.length
            } owners with the most non-compliant accounts, of ${pluralize(
              ownerCount,
              'owner',
            )}`
          : 'Owners with the most non-compliant accounts first'
      }
    >
      <div data-testid="aws-chart-compliance-by-owner">
        {byOwner.length === 0 && (
          <Typography variant="body2">No account has an owner.</Typography>
        )}
        {byOwner.map(owner => (
          <CountsRow
            key={owner.ref}
            testId="aws-chart-owner"
            label={<EntityRefLink entityRef={owner.ref} defaultKind="group" />}
            counts={owner.counts}
          />
        ))}
      </div>
    </InfoCard>
  );
}

/** One labelled bar: "N non-compliant of M accounts" over the counts. */
function CountsRow(props: {
  label: ReactNode;
  counts: ComplianceCounts;
  testId: string;
}) {
  const { label, counts, testId } = props;
  return (
    <Box mb={1} data-testid={testId}>
      <Box display="flex" justifyContent="space-between">
        <Typography variant="body2" component="div">
          {label}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {formatCount(counts.fail)} non-compliant of{' '}
          {pluralize(total(counts), 'account')}
        </Typography>
      </Box>
      <ComplianceCountsBar counts={counts} width="100%" />
    </Box>
  );
}

/**
 * Compliance by OU, by owner and the most-failed rules, as simple bars
 * (side by side).
 */
export function ComplianceCharts(props: {
  summary: OrganizationComplianceSummary;
  /** One chart above the other (in a narrow column). */
  stacked?: boolean;
}) {
  const { summary } = props;
  const units = worstUnits(summary);
  const rules = mostFailedRules(summary);
  const maxFail = Math.max(1, ...rules.map(r => r.counts.fail));
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={props.stacked ? 12 : 6}>
        <InfoCard
          title="Compliance by OU"
          subheader="Each top-level OU counts the accounts in it and below; accounts directly under the root count apart"
        >
          <div data-testid="aws-chart-compliance-by-ou">
            {units.length === 0 && (
              <Typography variant="body2">No organizational units.</Typography>
            )}
            {units.map(unit => (
              <CountsRow
                key={unit.id}
                testId="aws-chart-unit"
                label={
                  isRoot(unit.id) ? `Directly under ${unit.name}` : unit.name
                }
                counts={unit.counts}
              />
            ))}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={props.stacked ? 12 : 6}>
        <OwnersChart summary={summary} />
      </Grid>
      <Grid item xs={12} md={props.stacked ? 12 : 6}>
        <InfoCard title="Most-failed rules">
          <div data-testid="aws-chart-failed-rules">
            {rules.length === 0 && (
              <Typography variant="body2">
                No rule fails on any account.
              </Typography>
            )}
            {rules.map(rule => (
              <Box key={rule.id} mb={1} data-testid="aws-chart-rule">
                <Box
                  display="flex"
                  justifyContent="space-between"
                  alignItems="center"
                >
                  {/* A div: the chip is one, and a <p> may not hold it. */}
                  <Typography variant="body2" component="div">
                    {rule.title} <SeverityChip severity={rule.severity} />
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {pluralize(rule.counts.fail, 'account')}
                  </Typography>
                </Box>
                <LinearProgress
                  variant="determinate"
                  color="secondary"
                  value={(rule.counts.fail / maxFail) * 100}
                  aria-label={`${rule.title}: fails on ${pluralize(
                    rule.counts.fail,
                    'account',
                  )}`}
                />
              </Box>
            ))}
          </div>
        </InfoCard>
      </Grid>
    </Grid>
  );
}

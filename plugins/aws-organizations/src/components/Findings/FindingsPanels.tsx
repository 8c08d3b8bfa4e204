import { SignalSource } from '@aws-governance/plugin-aws-organizations-common';
import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { SOURCE_LABELS } from './sources';

/**
 * The calm state of someone who may see an account's finding counts but
 * not the findings themselves (`aws-organizations.findings.read`, which the
 * policy grants to the account's owner team and admins).
 */
export function CountsOnlyPanel(props: { subject?: string }) {
  return (
    <div data-testid="aws-findings-counts-only">
      <WarningPanel
        severity="info"
        title="You can see counts only"
        defaultExpanded
        message={`The findings of ${
          props.subject ?? 'this account'
        } are visible to its owner team and the AWS platform admins (the aws-organizations.findings.read permission). Ask the owner team or the platform team if you need them.`}
      />
    </div>
  );
}

/**
 * The sources whose findings could not be read for a page, each with why:
 * what is missing is said, never shown as "no findings".
 */
export function NotReadSources(props: {
  notConnected: { source: SignalSource; message: string; accountId?: string }[];
}) {
  if (props.notConnected.length === 0) return null;
  return (
    <Box mb={2} data-testid="aws-findings-not-read">
      <WarningPanel
        severity="warning"
        title="Some sources could not be read: their findings are missing below"
        defaultExpanded
      >
        {/* Children, not `message`: that is a <p>, which may not hold a list. */}
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {props.notConnected.map((n, i) => (
            <li key={`${n.source}-${n.accountId ?? ''}-${i}`}>
              {SOURCE_LABELS[n.source] ?? n.source}
              {n.accountId ? ` (account ${n.accountId})` : ''}: {n.message}
            </li>
          ))}
        </ul>
      </WarningPanel>
    </Box>
  );
}

import {
  GuardrailLevel,
  GuardrailPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { PolicyDocument } from './PolicyDocument';

/** How each level of an account's path is named. */
export const LEVEL_NAMES: Record<GuardrailLevel['kind'], string> = {
  root: 'Root',
  ou: 'Organizational unit',
  account: 'Account',
};

/** A policy with its name, summary lines and (expanded) its document. */
export function PolicyAccordion(props: {
  policy: Omit<GuardrailPolicy, 'summary'> & { summary?: string[] };
  /** A line under the name, e.g. where the policy is inherited from. */
  caption?: string;
}) {
  const { policy, caption } = props;
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box>
          <Typography variant="subtitle1">
            {policy.name}{' '}
            {policy.awsManaged && <Chip size="small" label="AWS managed" />}
          </Typography>
          {caption && (
            <Typography variant="body2" color="textSecondary">
              {caption}
            </Typography>
          )}
          {(policy.summary ?? []).map(sentence => (
            <Typography key={sentence} variant="body2" color="textSecondary">
              {sentence}
            </Typography>
          ))}
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Box width="100%">
          {policy.description && (
            <Typography variant="body2" paragraph>
              {policy.description}
            </Typography>
          )}
          <PolicyDocument
            content={policy.content}
            parseError={policy.parseError}
          />
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}

/** The policies attached at one level of the path. */
export function LevelSection(props: {
  level: GuardrailLevel;
  /** e.g. "SCP": "No SCP attached at this level." */
  word: string;
  testIdPrefix: string;
}) {
  const { level, word, testIdPrefix } = props;
  return (
    <Box mb={2} data-testid={`${testIdPrefix}-${level.kind}`}>
      <Typography variant="h6">
        {LEVEL_NAMES[level.kind]}: {level.name}
      </Typography>
      {level.policies.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No {word} attached at this level.
        </Typography>
      ) : (
        level.policies.map(policy => (
          <PolicyAccordion key={policy.id} policy={policy} />
        ))
      )}
    </Box>
  );
}

/** A bulleted list of plain-language sentences, or a line when empty. */
export function SentenceList(props: { sentences: string[]; empty: string }) {
  if (props.sentences.length === 0) {
    return <Typography variant="body2">{props.empty}</Typography>;
  }
  return (
    <ul>
      {props.sentences.map(sentence => (
        <li key={sentence}>
          <Typography variant="body2">{sentence}</Typography>
        </li>
      ))}
    </ul>
  );
}

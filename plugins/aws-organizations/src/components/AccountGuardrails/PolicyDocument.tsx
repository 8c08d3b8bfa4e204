import { CodeSnippet, WarningPanel } from '@backstage/core-components';
import { prettyJson } from '../common/format';

/**
 * A policy document, syntax-highlighted as JSON when it parses; raw text
 * with a warning when it does not.
 */
export function PolicyDocument(props: {
  content: unknown;
  parseError?: string;
}) {
  const { text, isJson } = prettyJson(props.content);
  const parseError =
    props.parseError ?? (isJson ? undefined : 'not valid JSON');
  return (
    <div data-testid="aws-policy-document">
      {parseError && (
        <WarningPanel
          defaultExpanded
          severity="warning"
          title="The policy document cannot be parsed"
          message={parseError}
        />
      )}
      <CodeSnippet
        text={text}
        language={isJson ? 'json' : 'text'}
        showCopyCodeButton
      />
    </div>
  );
}

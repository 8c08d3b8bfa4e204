import { WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/**
 * The HTTP status of an error from the AWS Organizations client, if any.
 */
export function errorStatus(error: unknown): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

/** The backend's own message of a ResponseError, else the error message. */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.cause?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Renders a failed request with the backend's message in sight, never a
 * stack trace: a 400 says what was refused and why (e.g. an invalid
 * simulator action), a 403 is a calm "restricted" panel that says what is
 * missing, a 404 "not found", anything else "could not load" with the
 * message.
 */
export function ApiErrorPanel(props: {
  error: Error;
  /** What could not be shown, e.g. "access to this account". */
  subject: string;
}) {
  const { error, subject } = props;
  const status = errorStatus(error);
  const message = errorMessage(error);
  if (status === 400) {
    return (
      <div data-testid="aws-invalid-request">
        <WarningPanel
          severity="warning"
          title={`The request for ${subject} was refused: ${message}`}
        />
      </div>
    );
  }
  if (status === 403) {
    return (
      <div data-testid="aws-restricted">
        <WarningPanel
          severity="info"
          title="Restricted"
          defaultExpanded
          message={`You do not have permission to view ${subject}. Ask the AWS platform team if you need it.`}
        />
      </div>
    );
  }
  if (status === 404) {
    return (
      <div data-testid="aws-not-found">
        <WarningPanel
          severity="warning"
          title="Not found"
          defaultExpanded
          message={`The AWS Organizations backend does not know ${subject}: ${message}. It may have been removed, or the last sync has not seen it yet.`}
        />
      </div>
    );
  }
  return (
    <div data-testid="aws-error">
      <WarningPanel
        severity="error"
        title={`Could not load ${subject}`}
        defaultExpanded
        message={status ? `${message} (HTTP ${status})` : message}
      />
    </div>
  );
}

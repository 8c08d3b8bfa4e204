import { randomBytes } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { isError, toError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** Errors of `@backstage/errors` whose message is written for the caller. */
const CALLER_ERRORS: ReadonlySet<string> = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

/** A 4xx from the HTTP stack, e.g. body-parser's malformed JSON or 413. */
function isHttpClientError(error: Error): boolean {
  const status = (error as { status?: unknown; statusCode?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The plugin's last error handler: errors meant for the caller (validation,
 * permissions, not found, conflicts, "no snapshot yet") pass on to the
 * backend's error handler unchanged; anything else — a database error with
 * its SQL, a bug with its stack — is logged in full with a log id and
 * answered as a 500 that says only that id, in every environment. The root
 * handler adds stack traces to bodies in development only
 * (`NODE_ENV=development`); this one keeps SQL and internals out of them
 * everywhere, SQLite included (backend-defaults filters only
 * PostgreSQL's `DatabaseError`).
 */
export function createErrorFilter(logger: LoggerService): ErrorRequestHandler {
  return (rawError, req, _res, next) => {
    const error = isError(rawError) ? rawError : toError(rawError);
    if (CALLER_ERRORS.has(error.name) || isHttpClientError(error)) {
      next(error);
      return;
    }
    const logId = randomBytes(8).toString('hex');
    logger.error(
      `${req.method} ${req.baseUrl}${req.path} failed (logId=${logId})`,
      toError(rawError),
    );
    const opaque = new Error(
      `Internal error (logId=${logId}); the details are in the backend log`,
    );
    delete opaque.stack;
    next(opaque);
  };
}

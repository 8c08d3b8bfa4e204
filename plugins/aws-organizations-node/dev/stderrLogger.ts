import type { LoggerService } from '@backstage/backend-plugin-api';

type JsonObject = Parameters<LoggerService['child']>[0];

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/**
 * A LoggerService for command-line tools: one line per message on stderr,
 * so stdout carries only the result.
 */
export class StderrLogger implements LoggerService {
  readonly #meta: JsonObject;
  readonly #level: number;

  constructor(level: (typeof LEVELS)[number] = 'info', meta: JsonObject = {}) {
    this.#meta = meta;
    this.#level = LEVELS.indexOf(level);
  }

  #log(
    level: (typeof LEVELS)[number],
    message: string,
    meta?: Error | JsonObject,
  ) {
    if (LEVELS.indexOf(level) > this.#level) {
      return;
    }
    const extra =
      meta instanceof Error
        ? { error: meta.message }
        : { ...this.#meta, ...meta };
    const details = Object.keys(extra).length
      ? ` ${JSON.stringify(extra)}`
      : '';
    process.stderr.write(`${level}: ${message}${details}\n`);
  }

  error(message: string, meta?: Error | JsonObject) {
    this.#log('error', message, meta);
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.#log('warn', message, meta);
  }
  info(message: string, meta?: Error | JsonObject) {
    this.#log('info', message, meta);
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.#log('debug', message, meta);
  }
  child(meta: JsonObject): LoggerService {
    return new StderrLogger(LEVELS[this.#level], { ...this.#meta, ...meta });
  }
}

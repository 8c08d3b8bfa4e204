/** A timestamp for people, in the browser's locale; '—' when absent. */
export function formatDateTime(value: string | undefined): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

/** A duration in milliseconds as "1 min 5 s" or "850 ms". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) {
    return '—';
  }
  if (ms < 1000) {
    return `${ms} ms`;
  }
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** `ACTIVE` → `Active`, `PENDING_CLOSURE` → `Pending closure`. */
export function formatState(state: string): string {
  const words = state.toLocaleLowerCase('en-US').replace(/_/g, ' ');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/** Pretty-printed JSON when the text parses, else the text as is. */
export function prettyJson(content: unknown): {
  text: string;
  isJson: boolean;
} {
  if (typeof content !== 'string') {
    return { text: JSON.stringify(content, null, 2), isJson: true };
  }
  try {
    return { text: JSON.stringify(JSON.parse(content), null, 2), isJson: true };
  } catch {
    return { text: content, isJson: false };
  }
}

/** A count for people, as every count on the pages: "20,000". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** "1 account", "2 accounts"; `plural` defaults to the word with an "s". */
export function pluralize(
  count: number,
  singular: string,
  plural = `${singular}s`,
): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/**
 * An ISO-8601 duration of the kind Identity Center stores for sessions
 * (`PT1H`, `PT12H`, `PT1H30M`) for people: "1 hour", "1 hour 30 minutes".
 * Anything else is shown as is; '—' when absent.
 */
export function formatIsoDuration(value: string | undefined): string {
  if (!value) {
    return '—';
  }
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(value);
  if (!match || value === 'PT') {
    return value;
  }
  const parts = [
    [match[1], 'hour'],
    [match[2], 'minute'],
    [match[3], 'second'],
  ]
    .filter(([amount]) => amount !== undefined && Number(amount) > 0)
    .map(([amount, unit]) => pluralize(Number(amount), unit!));
  return parts.length ? parts.join(' ') : '0 minutes';
}

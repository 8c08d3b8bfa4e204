import { ReactNode, useEffect, useState } from 'react';

/**
 * Renders its children once `ready` is true and the browser has painted
 * what rendered with it: the explorer puts the OU tree and the first page
 * of accounts on screen first, and renders the cards beside and below them
 * (sync status, compliance, findings: most of the render's React and JSS
 * work) in the next task. Once shown, they stay.
 */
export function AfterPaint(props: { ready: boolean; children: ReactNode }) {
  const { ready } = props;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!ready || shown) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame that paints the tree, then a task after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown]);
  return shown ? <>{props.children}</> : null;
}

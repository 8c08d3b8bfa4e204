import { ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Renders its children once the placeholder comes near the viewport (within
 * `margin`), and keeps them from then on: what sits below the fold is not
 * requested with the page's first data. Without IntersectionObserver (old
 * browsers, jsdom) the children render at once.
 */
export function WhenVisible(props: {
  children: ReactNode;
  /** Shown until then; reserves the space (default: 1 px high). */
  placeholder?: ReactNode;
  /** How close to the viewport counts as visible (CSS margin). */
  margin?: string;
  'data-testid'?: string;
}) {
  const { margin = '200px' } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(
    () => typeof IntersectionObserver === 'undefined',
  );
  useEffect(() => {
    if (visible || !ref.current) return undefined;
    const observer = new IntersectionObserver(
      entries => {
        if (entries.some(entry => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [visible, margin]);
  if (visible) return <>{props.children}</>;
  return (
    <div ref={ref} data-testid={props['data-testid']} style={{ minHeight: 1 }}>
      {props.placeholder}
    </div>
  );
}

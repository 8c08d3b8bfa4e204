import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SeverityCountsBar } from '../Findings/SeverityCounts';
import { ComplianceCountsBar } from './ComplianceCountsBar';
import { StackedCountsBar } from './StackedCountsBar';

const widths = (bar: HTMLElement) =>
  [...bar.children].map(child => (child as HTMLElement).style.width);

describe('StackedCountsBar', () => {
  it('draws one segment per non-zero count, as wide as its share', async () => {
    await renderInTestApp(
      <StackedCountsBar
        label="three parts"
        width={200}
        segments={[
          { key: 'a', count: 1, className: 'a' },
          { key: 'b', count: 0, className: 'b' },
          { key: 'c', count: 3, className: 'c' },
        ]}
      />,
    );
    const bar = screen.getByRole('img', { name: 'three parts' });
    expect(bar).toHaveAttribute('title', 'three parts');
    expect(bar.style.width).toBe('200px');
    expect(widths(bar)).toEqual(['25%', '75%']);
    expect([...bar.children].map(c => c.className)).toEqual(['a', 'c']);
  });

  it('draws an empty bar when every count is zero', async () => {
    await renderInTestApp(
      <StackedCountsBar
        label="nothing"
        segments={[{ key: 'a', count: 0, className: 'a' }]}
      />,
    );
    expect(screen.getByRole('img', { name: 'nothing' }).children).toHaveLength(
      0,
    );
  });

  it('shows findings by severity, most severe first', async () => {
    await renderInTestApp(
      <SeverityCountsBar
        counts={{ CRITICAL: 1, HIGH: 0, MEDIUM: 2, LOW: 0, INFORMATIONAL: 1 }}
      />,
    );
    const bar = screen.getByRole('img', {
      name: '1 critical, 2 medium, 1 informational',
    });
    expect(widths(bar)).toEqual(['25%', '50%', '25%']);
  });

  it('shows compliance counts failing first', async () => {
    await renderInTestApp(
      <ComplianceCountsBar
        counts={{ pass: 2, fail: 1, warn: 1, unknown: 0 }}
      />,
    );
    const bar = screen.getByRole('img', {
      name: '2 compliant, 1 non-compliant, 1 warnings, 0 unknown',
    });
    expect(widths(bar)).toEqual(['25%', '25%', '50%']);
  });
});

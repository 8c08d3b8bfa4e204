import { act, render, screen } from '@testing-library/react';
import { WhenVisible } from './WhenVisible';

type Callback = (entries: { isIntersecting: boolean }[]) => void;

describe('WhenVisible', () => {
  const original = (window as any).IntersectionObserver;
  let observers: { callback: Callback; disconnected: boolean }[];
  beforeEach(() => {
    observers = [];
    (window as any).IntersectionObserver = class {
      readonly entry: { callback: Callback; disconnected: boolean };
      constructor(callback: Callback) {
        this.entry = { callback, disconnected: false };
        observers.push(this.entry);
      }
      observe() {}
      disconnect() {
        this.entry.disconnected = true;
      }
    };
  });
  afterEach(() => {
    (window as any).IntersectionObserver = original;
  });

  it('renders the children only once the placeholder nears the viewport, and keeps them', () => {
    const Child = jest.fn(() => <p>below the fold</p>);
    render(
      <WhenVisible placeholder="later" data-testid="placeholder">
        <Child />
      </WhenVisible>,
    );
    expect(screen.getByTestId('placeholder')).toHaveTextContent('later');
    expect(Child).not.toHaveBeenCalled();
    act(() => observers[0].callback([{ isIntersecting: false }]));
    expect(Child).not.toHaveBeenCalled();
    act(() => observers[0].callback([{ isIntersecting: true }]));
    expect(screen.getByText('below the fold')).toBeInTheDocument();
    expect(screen.queryByTestId('placeholder')).toBeNull();
    expect(observers[0].disconnected).toBe(true);
  });

  it('renders the children at once without IntersectionObserver', () => {
    delete (window as any).IntersectionObserver;
    render(
      <WhenVisible>
        <p>at once</p>
      </WhenVisible>,
    );
    expect(screen.getByText('at once')).toBeInTheDocument();
  });
});

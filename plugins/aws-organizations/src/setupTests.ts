import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import failOnConsole from 'jest-fail-on-console';

// find* and waitFor wait for the DOM to reach a state; on a busy machine
// rendering takes longer, so they wait long enough never to give up early
// (the default 1 s failed under load). Tests stay bounded by jest's
// testTimeout.
configure({ asyncUtilTimeout: 20_000 });

/**
 * React's development warnings about third-party code the tests let
 * through (silently), each as precise as the message allows, with where it comes from.
 * Nothing of the plugin's own components is in here.
 */
const THIRD_PARTY_NOISE: RegExp[] = [
  // React 18.3 on MUI v4 (ButtonBase, Tooltip, InputBase, Collapse...),
  // which Backstage's core-components build on: MUI v4 calls findDOMNode.
  /^Warning: findDOMNode is deprecated and will be removed in the next major release\./,
  // @material-table/core (Backstage's Table) and the react-beautiful-dnd
  // it bundles declare defaultProps on function and memo components.
  /^Warning: (MTable\w+|Connect\(Droppable\)): Support for defaultProps will be removed from (function|memo) components in a future major release\./,
  // React Router 6's opt-in notices about v7, from the MemoryRouter of
  // Backstage's test app (renderInTestApp offers no future flags).
  /^⚠️ React Router Future Flag Warning: /,
];

// A test that makes React or a component of the plugin log an error or a
// warning (an act() warning, a failed prop type, a missing key, a <div>
// inside a <p>, an uncaught render error) fails, naming the message. A test
// that expects a message spies on the console method and asserts it.
failOnConsole({
  shouldFailOnError: true,
  shouldFailOnWarn: true,
  // Not printed either: each test's output shows only what matters.
  silenceMessage: message =>
    THIRD_PARTY_NOISE.some(pattern => pattern.test(message)),
});

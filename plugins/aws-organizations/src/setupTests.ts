import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// find* and waitFor wait for the DOM to reach a state; on a busy machine
// rendering takes longer, so they wait long enough never to give up early
// (the default 1 s failed under load). Tests stay bounded by jest's
// testTimeout.
configure({ asyncUtilTimeout: 20_000 });

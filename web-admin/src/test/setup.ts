import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages are loaded lazily (dynamic import): leave time for the first import on a busy CI machine.
configure({ asyncUtilTimeout: 8000 });

afterEach(() => {
  cleanup();
});

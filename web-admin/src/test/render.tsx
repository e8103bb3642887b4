import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, useLocation } from 'react-router';
import { App } from '../App';
import { createCache } from '../apollo';
import { VIEWER_QUERY } from '../auth/viewer';
import type { Role } from '../gql/graphql';

function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location" hidden>
      {location.pathname + location.search}
    </output>
  );
}

/** The whole admin SPA at `path` (relative to /admin), with mocked GraphQL answers. */
export function renderApp(path: string, mocks: MockLink.MockedResponse[]) {
  const user = userEvent.setup();
  const view = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <MemoryRouter initialEntries={[path]}>
        <App />
        <LocationProbe />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { user, ...view };
}

export function currentLocation(): string {
  return document.querySelector('[data-testid="location"]')?.textContent ?? '';
}

export function viewerMock(roles: Role[] | null, extra: Partial<{ displayName: string; email: string }> = {}) {
  return {
    request: { query: VIEWER_QUERY },
    result: {
      data: {
        viewer: roles
          ? {
              __typename: 'Account' as const,
              id: 'QWNjb3VudDox',
              email: extra.email ?? 'mission@exemple.org',
              displayName: extra.displayName ?? 'Camille Mission',
              roles,
            }
          : null,
      },
    },
  } satisfies MockLink.MockedResponse;
}

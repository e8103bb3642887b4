import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { App } from '../App';
import { createCache } from '../apollo';

function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div>
      <div data-testid="location">{`${location.pathname}${location.search}`}</div>
      <button type="button" onClick={() => void navigate(-1)}>
        Page précédente
      </button>
    </div>
  );
}

/** The whole application (lazy routes included) on a mocked API. */
export function renderApp(mocks: MockLink.MockedResponse[], initialEntry = '/') {
  const user = userEvent.setup();
  const utils = render(
    <MockedProvider mocks={mocks} cache={createCache()} mockLinkDefaultOptions={{ delay: 0 }}>
      <MemoryRouter initialEntries={[initialEntry]}>
        <App />
        <LocationProbe />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { user, ...utils };
}

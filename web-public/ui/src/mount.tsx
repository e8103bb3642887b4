import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { BrowserRouter } from 'react-router';

/** Renders a SPA into `#root`: strict mode, its Apollo client, a router under `basename`. */
export function mountSpa({ app, client, basename }: { app: ReactNode; client: ApolloClient; basename: string }): void {
  const container = document.getElementById('root');
  if (!container) {
    throw new Error('Élément #root introuvable');
  }
  createRoot(container).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <BrowserRouter basename={basename}>{app}</BrowserRouter>
      </ApolloProvider>
    </StrictMode>,
  );
}

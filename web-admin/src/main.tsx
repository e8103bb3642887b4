import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { createApolloClient } from './apollo';
import './styles.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Élément #root introuvable');
}

const client = createApolloClient();

createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      {/* Served under /admin/ (vite `base`); the router's paths are relative to it. */}
      <BrowserRouter basename="/admin">
        <App />
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);

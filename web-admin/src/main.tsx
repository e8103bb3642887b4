import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
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
      <App />
    </ApolloProvider>
  </StrictMode>,
);

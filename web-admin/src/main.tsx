import { mountSpa } from '@essor/web-ui';
import { App } from './App';
import { createApolloClient } from './apollo';
import './styles.css';

// Served under /admin/ (vite `base`); the router's paths are relative to it.
mountSpa({ app: <App />, client: createApolloClient(), basename: '/admin' });

import { mountSpa } from '@essor/web-ui';
import { App } from './App';
import { createApolloClient } from './apollo';
import './styles.css';

mountSpa({ app: <App />, client: createApolloClient(), basename: import.meta.env.BASE_URL });

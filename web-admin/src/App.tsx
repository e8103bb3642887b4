import { Layout } from './components/Layout';
import { EcosystemStatsPanel } from './components/EcosystemStatsPanel';

export function App() {
  return (
    <Layout>
      <h1>Pilotage</h1>
      <p className="lead">Vue d'ensemble des données de l'écosystème de l'ESS en Sambre-Avesnois.</p>
      <EcosystemStatsPanel />
    </Layout>
  );
}

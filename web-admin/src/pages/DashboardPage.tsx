import { EcosystemStatsPanel } from '../components/EcosystemStatsPanel';
import { usePageTitle } from '../lib/usePageTitle';

export function DashboardPage() {
  usePageTitle('Tableau de bord');
  return (
    <>
      <h1>Pilotage</h1>
      <p className="lead">Vue d'ensemble des données de l'écosystème de l'ESS en Sambre-Avesnois.</p>
      <EcosystemStatsPanel />
    </>
  );
}

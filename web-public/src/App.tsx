import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { PageLoading } from '@essor/web-ui';

// Chaque page est un module chargé à la demande : le JS initial reste petit.
const HomePage = lazy(() => import('./pages/HomePage'));
const SearchPage = lazy(() => import('./pages/SearchPage'));
const StructurePage = lazy(() => import('./pages/StructurePage'));
const SectorsPage = lazy(() => import('./pages/SectorsPage'));
const SectorPage = lazy(() => import('./pages/SectorPage'));
const NetworksPage = lazy(() => import('./pages/NetworksPage'));
const NetworkPage = lazy(() => import('./pages/NetworkPage'));
const SpacePage = lazy(() => import('./pages/SpacePage'));
const EpciPage = lazy(() => import('./pages/EpciPage'));
const CommunePage = lazy(() => import('./pages/CommunePage'));
const MentoringPage = lazy(() => import('./pages/MentoringPage'));
const ObservatoryPage = lazy(() => import('./pages/ObservatoryPage'));
const ProposeStructurePage = lazy(() => import('./pages/ProposeStructurePage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<PageLoading title="Chargement de la page">Chargement de la page…</PageLoading>}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="recherche" element={<SearchPage />} />
          <Route path="structures/:id" element={<StructurePage />} />
          <Route path="secteurs" element={<SectorsPage />} />
          <Route path="secteurs/:slug" element={<SectorPage />} />
          <Route path="reseaux" element={<NetworksPage />} />
          <Route path="reseaux/:slug" element={<NetworkPage />} />
          <Route path="ateliers/:id" element={<SpacePage kind="WORKSHOP" />} />
          <Route path="chantiers/:id" element={<SpacePage kind="CHANTIER" />} />
          <Route path="journees/:id" element={<SpacePage kind="STUDY_DAY" />} />
          <Route path="territoire/epci/:siren" element={<EpciPage />} />
          <Route path="territoire/communes/:code" element={<CommunePage />} />
          <Route path="tutorat" element={<MentoringPage />} />
          <Route path="observatoire" element={<ObservatoryPage />} />
          <Route path="ajouter" element={<ProposeStructurePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

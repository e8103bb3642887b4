import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { PageLoading } from '@essor/web-ui';

// Each page is a module loaded on demand: the initial JS stays small.
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const SearchPage = lazy(() => import('./pages/SearchPage').then((m) => ({ default: m.SearchPage })));
const StructurePage = lazy(() => import('./pages/StructurePage').then((m) => ({ default: m.StructurePage })));
const SectorsPage = lazy(() => import('./pages/SectorsPage').then((m) => ({ default: m.SectorsPage })));
const SectorPage = lazy(() => import('./pages/SectorPage').then((m) => ({ default: m.SectorPage })));
const NetworksPage = lazy(() => import('./pages/NetworksPage').then((m) => ({ default: m.NetworksPage })));
const NetworkPage = lazy(() => import('./pages/NetworkPage').then((m) => ({ default: m.NetworkPage })));
const SpacePage = lazy(() => import('./pages/SpacePage').then((m) => ({ default: m.SpacePage })));
const EpciPage = lazy(() => import('./pages/EpciPage').then((m) => ({ default: m.EpciPage })));
const CommunePage = lazy(() => import('./pages/CommunePage').then((m) => ({ default: m.CommunePage })));
const MentoringPage = lazy(() => import('./pages/MentoringPage').then((m) => ({ default: m.MentoringPage })));
const ObservatoryPage = lazy(() => import('./pages/ObservatoryPage').then((m) => ({ default: m.ObservatoryPage })));
const ProposeStructurePage = lazy(() =>
  import('./pages/ProposeStructurePage').then((m) => ({ default: m.ProposeStructurePage })),
);
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

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

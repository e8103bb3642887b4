import { lazy } from 'react';
import { Link, Route, Routes } from 'react-router';
import { Layout, PublicLayout } from './components/Layout';
import { RequireAuth, RequireSection } from './auth/viewer';
import { usePageTitle } from './lib/usePageTitle';
import { LoginPage } from './pages/LoginPage';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordPages';
import { DashboardPage } from './pages/DashboardPage';

// Each domain is loaded when first opened (smaller first load, e.g. for the login page).
const StructuresPage = lazy(() => import('./pages/StructuresPage').then((m) => ({ default: m.StructuresPage })));
const StructureEditPage = lazy(() =>
  import('./pages/structure/StructureEditPage').then((m) => ({ default: m.StructureEditPage })),
);
const StructureNewPage = lazy(() => import('./pages/structure/StructureNewPage').then((m) => ({ default: m.StructureNewPage })));
const SectorsPage = lazy(() => import('./pages/sector/SectorsPage').then((m) => ({ default: m.SectorsPage })));
const SectorEditPage = lazy(() => import('./pages/sector/SectorEditPage').then((m) => ({ default: m.SectorEditPage })));
const SectorNewPage = lazy(() => import('./pages/sector/SectorNewPage').then((m) => ({ default: m.SectorNewPage })));
const NetworksPage = lazy(() => import('./pages/network/NetworksPage').then((m) => ({ default: m.NetworksPage })));
const NetworkEditPage = lazy(() => import('./pages/network/NetworkEditPage').then((m) => ({ default: m.NetworkEditPage })));
const NetworkNewPage = lazy(() => import('./pages/network/NetworkNewPage').then((m) => ({ default: m.NetworkNewPage })));
const MentorOffersPage = lazy(() => import('./pages/mentor/MentorOffersPage').then((m) => ({ default: m.MentorOffersPage })));
const MentorOfferEditPage = lazy(() =>
  import('./pages/mentor/MentorOfferEditPage').then((m) => ({ default: m.MentorOfferEditPage })),
);
const MentorOfferNewPage = lazy(() =>
  import('./pages/mentor/MentorOfferNewPage').then((m) => ({ default: m.MentorOfferNewPage })),
);
const CarrierProjectsPage = lazy(() =>
  import('./pages/accompaniment/CarrierProjectsPage').then((m) => ({ default: m.CarrierProjectsPage })),
);
const CarrierProjectEditPage = lazy(() =>
  import('./pages/accompaniment/CarrierProjectEditPage').then((m) => ({ default: m.CarrierProjectEditPage })),
);
const CarrierProjectNewPage = lazy(() =>
  import('./pages/accompaniment/CarrierProjectNewPage').then((m) => ({ default: m.CarrierProjectNewPage })),
);
const SpacesPage = lazy(() => import('./pages/space/SpacesPage').then((m) => ({ default: m.SpacesPage })));
const SpaceEditPage = lazy(() => import('./pages/space/SpaceEditPage').then((m) => ({ default: m.SpaceEditPage })));
const SpaceNewPage = lazy(() => import('./pages/space/SpaceNewPage').then((m) => ({ default: m.SpaceNewPage })));
const ObservatoryPage = lazy(() => import('./pages/observatory/ObservatoryPage').then((m) => ({ default: m.ObservatoryPage })));
const PlanPage = lazy(() => import('./pages/plan/PlanPage').then((m) => ({ default: m.PlanPage })));
const ModerationPage = lazy(() => import('./pages/ModerationPage').then((m) => ({ default: m.ModerationPage })));
const AuditPage = lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const AccountsPage = lazy(() => import('./pages/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const PersonsPage = lazy(() => import('./pages/PersonsPage').then((m) => ({ default: m.PersonsPage })));
const PersonEditPage = lazy(() => import('./pages/person/PersonEditPage').then((m) => ({ default: m.PersonEditPage })));
const PersonNewPage = lazy(() => import('./pages/person/PersonNewPage').then((m) => ({ default: m.PersonNewPage })));
const OutboxPage = lazy(() => import('./pages/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const JobsPage = lazy(() => import('./pages/JobsPage').then((m) => ({ default: m.JobsPage })));

function NotFound() {
  usePageTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable</h1>
      <p>
        Cette adresse ne correspond à aucune page de l'administration. <Link to="/">Retour au tableau de bord</Link>
      </p>
    </>
  );
}

/**
 * Routes of the admin SPA, relative to /admin (the router's basename). Everything but the
 * login and password pages needs a session; each section also checks the viewer's roles.
 */
export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="connexion" element={<LoginPage />} />
        <Route path="mot-de-passe-oublie" element={<ForgotPasswordPage />} />
        <Route path="mot-de-passe" element={<ResetPasswordPage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route element={<Layout />}>
          <Route element={<RequireSection section="dashboard" />}>
            <Route index element={<DashboardPage />} />
          </Route>
          <Route element={<RequireSection section="structures" />}>
            <Route path="structures" element={<StructuresPage />} />
            <Route path="structures/:id" element={<StructureEditPage />} />
          </Route>
          <Route element={<RequireSection section="newStructure" />}>
            <Route path="structures/nouvelle" element={<StructureNewPage />} />
          </Route>
          <Route element={<RequireSection section="sectors" />}>
            <Route path="secteurs" element={<SectorsPage />} />
            <Route path="secteurs/:slug" element={<SectorEditPage />} />
          </Route>
          <Route element={<RequireSection section="newSector" />}>
            <Route path="secteurs/nouveau" element={<SectorNewPage />} />
          </Route>
          <Route element={<RequireSection section="networks" />}>
            <Route path="reseaux" element={<NetworksPage />} />
            <Route path="reseaux/:slug" element={<NetworkEditPage />} />
          </Route>
          <Route element={<RequireSection section="newNetwork" />}>
            <Route path="reseaux/nouveau" element={<NetworkNewPage />} />
          </Route>
          <Route element={<RequireSection section="mentorOffers" />}>
            <Route path="tutorat" element={<MentorOffersPage />} />
            <Route path="tutorat/:id" element={<MentorOfferEditPage />} />
          </Route>
          <Route element={<RequireSection section="newMentorOffer" />}>
            <Route path="tutorat/nouvelle" element={<MentorOfferNewPage />} />
          </Route>
          <Route element={<RequireSection section="carrierProjects" />}>
            <Route path="accompagnement" element={<CarrierProjectsPage />} />
            <Route path="accompagnement/:id" element={<CarrierProjectEditPage />} />
          </Route>
          <Route element={<RequireSection section="newCarrierProject" />}>
            <Route path="accompagnement/nouveau" element={<CarrierProjectNewPage />} />
          </Route>
          <Route element={<RequireSection section="spaces" />}>
            <Route path="espaces" element={<SpacesPage />} />
            <Route path="espaces/:id" element={<SpaceEditPage />} />
          </Route>
          <Route element={<RequireSection section="newSpace" />}>
            <Route path="espaces/nouveau" element={<SpaceNewPage />} />
          </Route>
          <Route element={<RequireSection section="observatory" />}>
            <Route path="observatoire" element={<ObservatoryPage />} />
          </Route>
          <Route element={<RequireSection section="plan" />}>
            <Route path="plan" element={<PlanPage />} />
          </Route>
          <Route element={<RequireSection section="import" />}>
            <Route path="import" element={<ImportPage />} />
          </Route>
          <Route element={<RequireSection section="moderation" />}>
            <Route path="moderation" element={<ModerationPage />} />
          </Route>
          <Route element={<RequireSection section="audit" />}>
            <Route path="audit" element={<AuditPage />} />
          </Route>
          <Route element={<RequireSection section="accounts" />}>
            <Route path="comptes" element={<AccountsPage />} />
          </Route>
          <Route element={<RequireSection section="persons" />}>
            <Route path="personnes" element={<PersonsPage />} />
            <Route path="personnes/:id" element={<PersonEditPage />} />
          </Route>
          <Route element={<RequireSection section="newPerson" />}>
            <Route path="personnes/nouvelle" element={<PersonNewPage />} />
          </Route>
          <Route element={<RequireSection section="outbox" />}>
            <Route path="boite-d-envoi" element={<OutboxPage />} />
          </Route>
          <Route element={<RequireSection section="jobs" />}>
            <Route path="taches" element={<JobsPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}

import { useQuery } from '@apollo/client/react';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { ErrorNotice, Loading, errorMessage } from '@essor/web-ui';
import { usePageTitle } from '../../lib/usePageTitle';
import { ActionCard } from './ActionCard';
import { MeetingsSection } from './Meetings';
import { PLAN_QUERY } from './operations';

/** The action plan: its actions (objectives, milestones, indicators), then the steering committees. */
export function PlanPage() {
  usePageTitle("Plan d'action");
  const { viewer } = useViewer();
  const admin = isAdmin(viewer?.roles);
  const { data, error, refetch } = useQuery(PLAN_QUERY);
  const actions = data?.planActions;
  return (
    <>
      <h1>Plan d'action</h1>
      <p className="lead">
        Les actions du plan, leurs objectifs, jalons et indicateurs ; les comités de pilotage et leurs décisions.
      </p>
      <section className="section" aria-labelledby="plan-actions">
        <h2 id="plan-actions">Actions{actions ? ` (${actions.length})` : ''}</h2>
        {error && !actions ? (
          <ErrorNotice onRetry={() => void refetch()}>
            {errorMessage(error, "Le plan d'action n'a pas pu être chargé.")}
          </ErrorNotice>
        ) : !actions ? (
          <Loading>Chargement du plan d'action…</Loading>
        ) : (
          <div className="card-list">
            {actions.map((a) => (
              <ActionCard key={a.id} action={a} admin={admin} onChanged={() => void refetch()} />
            ))}
          </div>
        )}
      </section>
      <MeetingsSection admin={admin} actions={actions ?? []} />
    </>
  );
}

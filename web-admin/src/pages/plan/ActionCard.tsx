import { useId } from 'react';
import { ActionStatusForm } from './ActionStatusForm';
import { IndicatorPanel } from './Indicators';
import { Milestones } from './Milestones';
import { ACTION_STATUS_LABELS, type PlanAction } from './model';
import { StatusBadge } from './Status';

/** One action of the plan: its objectives, milestones and indicators; the mission edits them in place. */
export function ActionCard({ action, admin, onChanged }: { action: PlanAction; admin: boolean; onChanged: () => void }) {
  const titleId = useId();
  return (
    <article className="card plan-action" aria-labelledby={titleId}>
      <div className="plan-action__header">
        <h3 id={titleId} className="card__title">
          Action {action.number} — {action.title}
        </h3>
        <StatusBadge status={action.status} labels={ACTION_STATUS_LABELS} />
      </div>
      <p className="meta">Responsable : {action.owner || 'non désigné·e'}</p>
      {action.description && <p>{action.description}</p>}
      {action.objectives.length > 0 && (
        <>
          <h4>Objectifs</h4>
          <ul>
            {action.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </>
      )}
      <Milestones action={action} admin={admin} onChanged={onChanged} />
      {action.indicators.map((ind) => (
        <IndicatorPanel key={ind.id} indicator={ind} admin={admin} onRecorded={onChanged} />
      ))}
      {admin && <ActionStatusForm action={action} onConflict={onChanged} />}
    </article>
  );
}

import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { AuditEntries } from '../components/AuditEntries';
import { AUDIT_ACTION_LABELS, ENTITY_TYPE_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/usePageTitle';

export function AuditPage() {
  usePageTitle("Journal d'audit");
  const [params, setParams] = useSearchParams();
  const filters = {
    entityType: params.get('type'),
    entityId: params.get('element'),
    actor: params.get('acteur'),
    action: params.get('action'),
  };
  return (
    <>
      <h1>Journal d'audit</h1>
      <p className="lead">Chaque modification des données, du plus récent au plus ancien : qui, quand, quoi.</p>
      <AuditFiltersForm
        key={params.toString()}
        initial={filters}
        onApply={(f) => {
          const next = new URLSearchParams();
          if (f.entityType) next.set('type', f.entityType);
          if (f.entityId) next.set('element', f.entityId);
          if (f.actor) next.set('acteur', f.actor);
          if (f.action) next.set('action', f.action);
          setParams(next);
        }}
      />
      <AuditEntries filters={filters} />
    </>
  );
}

interface Filters {
  entityType: string | null;
  entityId: string | null;
  actor: string | null;
  action: string | null;
}

function AuditFiltersForm({ initial, onApply }: { initial: Filters; onApply: (f: Filters) => void }) {
  const [type, setType] = useState(initial.entityType ?? '');
  const [entityId, setEntityId] = useState(initial.entityId ?? '');
  const [actor, setActor] = useState(initial.actor ?? '');
  const [action, setAction] = useState(initial.action ?? '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      entityType: type || null,
      entityId: entityId.trim() || null,
      actor: actor.trim() || null,
      action: action || null,
    });
  };
  const hasFilters = Object.values(initial).some(Boolean);
  const actions = Object.entries(AUDIT_ACTION_LABELS);
  if (initial.action && !AUDIT_ACTION_LABELS[initial.action]) actions.push([initial.action, initial.action]);
  return (
    <form className="filters" role="search" aria-label="Filtrer le journal" onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor="audit-type">
          Type d'élément
        </label>
        <select id="audit-type" className="input" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">Tous les types</option>
          {Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-entity">
          N° de l'élément
        </label>
        <input
          id="audit-entity"
          className="input"
          inputMode="numeric"
          value={entityId}
          onChange={(e) => setEntityId(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-actor">
          Acteur (e-mail)
        </label>
        <input id="audit-actor" className="input" type="search" value={actor} onChange={(e) => setActor(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-action">
          Action
        </label>
        <select id="audit-action" className="input" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">Toutes les actions</option>
          {actions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Filtrer
        </button>
        {hasFilters && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onApply({ entityType: null, entityId: null, actor: null, action: null })}
          >
            Effacer les filtres
          </button>
        )}
      </div>
    </form>
  );
}

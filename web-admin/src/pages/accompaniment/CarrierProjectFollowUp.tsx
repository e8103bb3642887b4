/**
 * The follow-up of a project, each part with its own small form and mutation, all under the project's
 * version (the page then edits the version they return): the stage and its history, the referrals to
 * structures, the mentorship and the mission's technical opinion. Read only for the steering committee.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type {
  CarrierProjectEditFieldsFragment,
  CarrierProjectStage,
  ReferralStatus,
  TechnicalOpinionVerdict,
} from '../../gql/graphql';
import { SelectField, TextAreaField, TextField, ActionOutcome } from '@essor/web-ui';
import { StructurePicker, type PickedStructure } from '../../components/StructurePicker';
import { useVersionedAction } from '../../lib/useVersionedAction';
import {
  REFERRAL_STATUSES,
  REFERRAL_STATUS_LABELS,
  STAGES,
  STAGE_BADGES,
  STAGE_LABELS,
  VERDICTS,
  VERDICT_LABELS,
  formatDay,
  todayIso,
} from './model';
import {
  ADD_CARRIER_PROJECT_REFERRAL_MUTATION,
  CARRIER_PROJECT_REFERENCES_QUERY,
  MOVE_CARRIER_PROJECT_STAGE_MUTATION,
  RECORD_CARRIER_PROJECT_OPINION_MUTATION,
  SET_CARRIER_PROJECT_MENTORSHIP_MUTATION,
  UPDATE_CARRIER_PROJECT_REFERRAL_MUTATION,
} from './operations';

type Project = CarrierProjectEditFieldsFragment;

interface PanelProps {
  project: Project;
  readOnly: boolean;
  /** A mutation returned the project's new version. */
  onSaved: (project: Project) => void;
}

const CONFLICT = 'Le projet a été modifié entre-temps : rechargez la page, puis recommencez.';

/** A part of the follow-up: its title, what is recorded, then (for the mission) its form and the outcome. */
function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A small form of the follow-up (a fieldset of fields and its button). */
function PanelForm({
  label,
  submitLabel,
  busy,
  onSubmit,
  children,
}: {
  label: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="form form--panel"
      aria-label={label}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset className="fieldset">
        <legend>{label}</legend>
        {children}
      </fieldset>
      <div className="form-footer">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

const orNull = (s: string) => s.trim() || null;

// ——— Stage ———

export function StagePanel({ project, readOnly, onSaved }: PanelProps) {
  const [move] = useMutation(MOVE_CARRIER_PROJECT_STAGE_MUTATION);
  const others = STAGES.filter((s) => s !== project.stage);
  const next = others[0] ?? 'DIAGNOSIS';
  const [chosen, setChosen] = useState<CarrierProjectStage>(next);
  const stage = chosen === project.stage ? next : chosen;
  const [changedOn, setChangedOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const action = useVersionedAction(async () => {
    const res = await move({
      variables: { id: project.id, version: project.version, input: { stage, changedOn: orNull(changedOn), note: orNull(note) } },
    });
    if (res.data) onSaved(res.data.moveCarrierProjectStage);
    setNote('');
    return `Le projet est passé à l’étape « ${STAGE_LABELS[stage]} ».`;
  }, CONFLICT);
  return (
    <Panel id="stage" title="Parcours">
      <p>
        Étape actuelle : <span className={`badge ${STAGE_BADGES[project.stage]}`}>{STAGE_LABELS[project.stage]}</span> depuis le{' '}
        {formatDay(project.stageChangedOn)}.
      </p>
      <div className="table-wrapper">
        <table className="data-table data-table--compact">
          <caption>Étapes du projet, de la plus ancienne à la plus récente</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Étape</th>
              <th scope="col">Note</th>
              <th scope="col">Par</th>
            </tr>
          </thead>
          <tbody>
            {project.stageHistory.map((h) => (
              <tr key={h.id}>
                <th scope="row">{formatDay(h.changedOn)}</th>
                <td>
                  {h.fromStage ? `${STAGE_LABELS[h.fromStage]} → ` : ''}
                  {STAGE_LABELS[h.toStage]}
                </td>
                <td>{h.note ?? ''}</td>
                <td>{h.author ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <PanelForm label="Changer d’étape" submitLabel="Changer d’étape" busy={action.busy} onSubmit={() => void action.run()}>
          <div className="form-grid">
            <SelectField
              id="stage-next"
              label="Nouvelle étape"
              value={stage}
              onChange={(v) => setChosen(v as CarrierProjectStage)}
              options={others.map((s) => [s, STAGE_LABELS[s]] as const)}
            />
            <TextField id="stage-on" label="Date du changement" type="date" value={changedOn} onChange={setChangedOn} />
          </div>
          <TextAreaField id="stage-note" label="Note (facultative)" value={note} onChange={setNote} rows={2} maxLength={2000} />
        </PanelForm>
      )}
      <ActionOutcome error={action.error} done={action.done} />
    </Panel>
  );
}

// ——— Referrals ———

export function ReferralsPanel({ project, readOnly, onSaved }: PanelProps) {
  const [add] = useMutation(ADD_CARRIER_PROJECT_REFERRAL_MUTATION);
  const [structure, setStructure] = useState<PickedStructure | null>(null);
  const [referredOn, setReferredOn] = useState(todayIso);
  const [status, setStatus] = useState<ReferralStatus>('PROPOSED');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useVersionedAction(async () => {
    if (!structure) {
      setMissing(true);
      return;
    }
    const res = await add({
      variables: {
        id: project.id,
        version: project.version,
        input: { structureId: structure.id, referredOn: orNull(referredOn), status, note: orNull(note) },
      },
    });
    if (res.data) onSaved(res.data.addCarrierProjectReferral);
    setStructure(null);
    setNote('');
    return `Orientation vers « ${structure.name} » ajoutée.`;
  }, CONFLICT);
  return (
    <Panel id="referrals" title="Orientations">
      {project.referrals.length === 0 ? (
        <p className="muted">Aucune orientation.</p>
      ) : (
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption>Orientations du projet vers des structures d’accompagnement</caption>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Date</th>
                <th scope="col">Suite</th>
                <th scope="col">Note</th>
                <th scope="col">Par</th>
              </tr>
            </thead>
            <tbody>
              {project.referrals.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.structure?.name ?? 'Structure non visible'}</th>
                  <td>{formatDay(r.referredOn)}</td>
                  <td>
                    {readOnly ? (
                      REFERRAL_STATUS_LABELS[r.status]
                    ) : (
                      <ReferralStatusForm project={project} referral={r} onSaved={onSaved} />
                    )}
                  </td>
                  <td>{r.note ?? ''}</td>
                  <td>{r.author ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && (
        <PanelForm
          label="Orienter vers une structure"
          submitLabel="Ajouter l’orientation"
          busy={action.busy}
          onSubmit={() => void action.run()}
        >
          <StructurePicker
            id="referral-structure"
            legend="Structure d’accompagnement"
            hint="La structure qui accompagnera le projet."
            selected={structure ? [structure] : []}
            onChange={(next) => {
              setStructure(next[next.length - 1] ?? null);
              setMissing(false);
            }}
            errors={missing ? ['Choisissez la structure.'] : undefined}
          />
          <div className="form-grid">
            <TextField id="referral-on" label="Date de l’orientation" type="date" value={referredOn} onChange={setReferredOn} />
            <SelectField
              id="referral-status"
              label="Suite"
              value={status}
              onChange={(v) => setStatus(v as ReferralStatus)}
              options={REFERRAL_STATUSES.map((s) => [s, REFERRAL_STATUS_LABELS[s]] as const)}
            />
          </div>
          <TextAreaField
            id="referral-note"
            label="Note (facultative)"
            value={note}
            onChange={setNote}
            rows={2}
            maxLength={2000}
          />
        </PanelForm>
      )}
      <ActionOutcome error={action.error} done={action.done} />
    </Panel>
  );
}

/** The outcome of one referral, changed in place. */
function ReferralStatusForm({
  project,
  referral,
  onSaved,
}: {
  project: Project;
  referral: Project['referrals'][number];
  onSaved: (project: Project) => void;
}) {
  const [update] = useMutation(UPDATE_CARRIER_PROJECT_REFERRAL_MUTATION);
  const [status, setStatus] = useState<ReferralStatus>(referral.status);
  const name = referral.structure?.name ?? 'la structure';
  const action = useVersionedAction(async () => {
    const res = await update({
      variables: { id: project.id, version: project.version, referralId: referral.id, input: { status } },
    });
    if (res.data) onSaved(res.data.updateCarrierProjectReferral);
  }, CONFLICT);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run();
      }}
    >
      <label className="visually-hidden" htmlFor={`referral-${referral.id}-status`}>
        Suite de l’orientation vers {name}
      </label>
      <select
        id={`referral-${referral.id}-status`}
        className="input input--small"
        value={status}
        onChange={(e) => setStatus(e.target.value as ReferralStatus)}
      >
        {REFERRAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {REFERRAL_STATUS_LABELS[s]}
          </option>
        ))}
      </select>{' '}
      <button
        type="submit"
        className="button button--secondary button--small"
        disabled={action.busy || status === referral.status}
        aria-busy={action.busy || undefined}
      >
        Enregistrer <span className="visually-hidden">la suite de l’orientation vers {name}</span>
      </button>
      <ActionOutcome error={action.error} />
    </form>
  );
}

// ——— Mentorship ———

export function MentorshipPanel({ project, readOnly, onSaved }: PanelProps) {
  const { data: refs } = useQuery(CARRIER_PROJECT_REFERENCES_QUERY, { skip: readOnly });
  const [set] = useMutation(SET_CARRIER_PROJECT_MENTORSHIP_MUTATION);
  const current = project.mentorship;
  const [offerId, setOfferId] = useState(current?.mentorOffer?.id ?? '');
  const [startsOn, setStartsOn] = useState(current?.startsOn ?? todayIso());
  const [endsOn, setEndsOn] = useState(current?.endsOn ?? '');
  const [missing, setMissing] = useState(false);
  const offers = refs?.mentorOffers.nodes ?? [];
  // The offer of the mentorship stays listed even if it is closed now.
  const options =
    current?.mentorOffer && !offers.some((o) => o.id === current.mentorOffer!.id)
      ? [
          [current.mentorOffer.id, current.mentorOffer.title] as const,
          ...offers.map((o) => [o.id, `${o.title} (${o.mentor.displayName})`] as const),
        ]
      : offers.map((o) => [o.id, `${o.title} (${o.mentor.displayName})`] as const);
  const save = useVersionedAction(async () => {
    if (!offerId || !startsOn) {
      setMissing(true);
      return;
    }
    const res = await set({
      variables: {
        id: project.id,
        version: project.version,
        mentorship: { mentorOfferId: offerId, startsOn, endsOn: orNull(endsOn) },
      },
    });
    if (res.data) onSaved(res.data.setCarrierProjectMentorship);
    return 'Tutorat enregistré.';
  }, CONFLICT);
  const remove = useVersionedAction(async () => {
    const res = await set({ variables: { id: project.id, version: project.version, mentorship: null } });
    if (res.data) onSaved(res.data.setCarrierProjectMentorship);
    setOfferId('');
    setEndsOn('');
    return 'Tutorat retiré.';
  }, CONFLICT);
  return (
    <Panel id="mentorship" title="Tutorat">
      {current ? (
        <p>
          {current.mentorOffer?.title ?? 'Offre de tutorat'} : depuis le {formatDay(current.startsOn)}
          {current.endsOn ? `, jusqu’au ${formatDay(current.endsOn)}` : ''}{' '}
          <span className={`badge ${current.active ? 'badge--published' : 'badge--archived'}`}>
            {current.active ? 'En cours' : 'Pas en cours'}
          </span>
        </p>
      ) : (
        <p className="muted">Pas de tutorat.</p>
      )}
      {!readOnly && (
        <>
          <PanelForm
            label={current ? 'Modifier le tutorat' : 'Proposer un tutorat'}
            submitLabel="Enregistrer le tutorat"
            busy={save.busy}
            onSubmit={() => void save.run()}
          >
            <div className="form-grid">
              <SelectField
                id="mentorship-offer"
                label="Offre de tutorat"
                required
                value={offerId}
                onChange={(v) => {
                  setOfferId(v);
                  setMissing(false);
                }}
                options={[['', 'Choisissez une offre'], ...options]}
                errors={missing && !offerId ? ['Choisissez l’offre de tutorat.'] : undefined}
              />
              <TextField
                id="mentorship-starts"
                label="Début"
                type="date"
                required
                value={startsOn}
                onChange={setStartsOn}
                errors={missing && !startsOn ? ['Indiquez le début du tutorat.'] : undefined}
              />
              <TextField id="mentorship-ends" label="Fin (facultative)" type="date" value={endsOn} onChange={setEndsOn} />
            </div>
          </PanelForm>
          {current && (
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => void remove.run()}
              disabled={remove.busy}
              aria-busy={remove.busy || undefined}
            >
              Retirer le tutorat
            </button>
          )}
        </>
      )}
      <ActionOutcome error={save.error ?? remove.error} done={save.done ?? remove.done} />
    </Panel>
  );
}

// ——— Technical opinion ———

export function OpinionPanel({ project, readOnly, onSaved }: PanelProps) {
  const [record] = useMutation(RECORD_CARRIER_PROJECT_OPINION_MUTATION);
  const current = project.technicalOpinion;
  const [verdict, setVerdict] = useState<TechnicalOpinionVerdict>(current?.verdict ?? 'FAVORABLE');
  const [givenOn, setGivenOn] = useState(todayIso);
  const [text, setText] = useState(current?.text ?? '');
  const action = useVersionedAction(async () => {
    const res = await record({
      variables: { id: project.id, version: project.version, input: { verdict, givenOn: orNull(givenOn), text: orNull(text) } },
    });
    if (res.data) onSaved(res.data.recordCarrierProjectOpinion);
    return 'Avis technique enregistré.';
  }, CONFLICT);
  return (
    <Panel id="opinion" title="Avis technique">
      {current ? (
        <>
          <p>
            Avis <strong>{VERDICT_LABELS[current.verdict].toLowerCase()}</strong> du {formatDay(current.givenOn)}
            {current.author ? `, par ${current.author}` : ''}.
          </p>
          {current.text && <blockquote className="quote">{current.text}</blockquote>}
        </>
      ) : (
        <p className="muted">Pas encore d’avis technique.</p>
      )}
      {!readOnly && (
        <PanelForm
          label={current ? 'Remplacer l’avis technique' : 'Donner l’avis technique'}
          submitLabel="Enregistrer l’avis"
          busy={action.busy}
          onSubmit={() => void action.run()}
        >
          <div className="form-grid">
            <SelectField
              id="opinion-verdict"
              label="Avis"
              value={verdict}
              onChange={(v) => setVerdict(v as TechnicalOpinionVerdict)}
              options={VERDICTS.map((v) => [v, VERDICT_LABELS[v]] as const)}
            />
            <TextField id="opinion-on" label="Date de l’avis" type="date" value={givenOn} onChange={setGivenOn} />
          </div>
          <TextAreaField id="opinion-text" label="Motivation" value={text} onChange={setText} rows={3} maxLength={5000} />
        </PanelForm>
      )}
      <ActionOutcome error={action.error} done={action.done} />
    </Panel>
  );
}

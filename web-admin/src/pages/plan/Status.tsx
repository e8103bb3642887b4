/** Badge colours of the action and decision statuses. */
const STATUS_BADGE: Record<string, string> = {
  NOT_STARTED: 'badge--archived',
  ON_TRACK: 'badge--accepted',
  AT_RISK: 'badge--pending',
  LATE: 'badge--rejected',
  DONE: 'badge--accepted',
  OPEN: 'badge--pending',
  IN_PROGRESS: 'badge--pending',
  DROPPED: 'badge--archived',
};

/** The status of an action or a decision, with its label. */
export function StatusBadge({ status, labels }: { status: string; labels: Record<string, string> }) {
  return <span className={`badge ${STATUS_BADGE[status] ?? ''}`}>{labels[status] ?? status}</span>;
}

/** The `<option>`s of a status `<select>`, in the order of the labels. */
export function StatusOptions({ labels }: { labels: Record<string, string> }) {
  return Object.entries(labels).map(([v, l]) => (
    <option key={v} value={v}>
      {l}
    </option>
  ));
}

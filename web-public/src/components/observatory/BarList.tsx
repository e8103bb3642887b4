export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Value shown next to the bar. */
  valueText: string;
  /** Colour variant (SSE family): the bar never carries the information alone. */
  tone?: string;
}

/**
 * A horizontal bar chart in CSS: a list (named by `label`, which carries the unit) whose every entry
 * gives its label and its value as text; the bar, proportional to the largest value, is decorative.
 */
export function BarList({ label, items }: { label: string; items: readonly BarItem[] }) {
  const max = Math.max(0, ...items.map((item) => item.value));
  return (
    <ul className="obs-bars" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className="obs-bars__item">
          <span className="obs-bars__row">
            <span className="obs-bars__label">{item.label}</span> <span className="obs-bars__value">{item.valueText}</span>
          </span>
          <span className="obs-bars__track" aria-hidden="true">
            <span
              className={item.tone ? `obs-bars__fill obs-bars__fill--${item.tone}` : 'obs-bars__fill'}
              style={{ width: `${max > 0 ? (Math.max(0, item.value) / max) * 100 : 0}%` }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}

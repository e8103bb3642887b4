import { useId, useState } from 'react';
import { formatNumber } from '@essor/web-ui';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

interface FacetGroupProps {
  legend: string;
  options: FacetOption[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  /** Beyond this, the following options are folded behind « Afficher plus ». */
  visibleCount?: number;
}

/** A group of checkboxes (fieldset/legend) with the number of structures of each value. */
export function FacetGroup({ legend, options, selected, onToggle, visibleCount = 6 }: FacetGroupProps) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();

  // A checked value stays visible (and can be unchecked) even when it has no result any more.
  const known = new Set(options.map((option) => option.value));
  const all = [...options, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value, count: 0 }))];
  if (all.length === 0) return null;

  const collapsible = all.length > visibleCount + 1;
  const shown = collapsible && !expanded ? all.filter((o, i) => i < visibleCount || selected.includes(o.value)) : all;
  const hiddenCount = all.length - shown.length;

  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      <ul className="facet__list" id={listId}>
        {shown.map((option) => {
          const checked = selected.includes(option.value);
          return (
            <li key={option.value}>
              <label className="facet__option">
                <input
                  type="checkbox"
                  className="facet__checkbox"
                  checked={checked}
                  onChange={(event) => onToggle(option.value, event.target.checked)}
                />
                <span className="facet__label">{option.label}</span>{' '}
                <span className="facet__count">({formatNumber(option.count)})</span>
              </label>
            </li>
          );
        })}
      </ul>
      {collapsible ? (
        <button
          type="button"
          className="link-button facet__more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? 'Afficher moins' : `Afficher ${formatNumber(hiddenCount)} de plus`}{' '}
          <span className="visually-hidden">({legend})</span>
        </button>
      ) : null}
    </fieldset>
  );
}

import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref } from 'react';

interface FieldBase {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Server or client messages, shown right under the field. */
  errors?: readonly string[] | undefined;
  required?: boolean;
}

function describedBy(id: string, hint: unknown, errors: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The visual « * » stays outside the label: the accessible name is the label alone, `required` says the rest. */
function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean | undefined }) {
  return (
    <span className="field__label-row">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {required && (
        <span className="field__required" aria-hidden="true">
          *
        </span>
      )}
    </span>
  );
}

function HintAndError({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: readonly string[] | undefined }) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
    </>
  );
}

type TextFieldProps = FieldBase & {
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required'>;

export function TextField({ id, label, hint, errors, required, value, onChange, className, ...rest }: TextFieldProps) {
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      <Label id={id} label={label} required={required} />
      <input
        {...rest}
        id={id}
        name={rest.name ?? id}
        className="input"
        value={value}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
      <HintAndError id={id} hint={hint} errors={errors} />
    </div>
  );
}

type TextAreaFieldProps = FieldBase & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  readOnly?: boolean;
  autoFocus?: boolean;
};

export function TextAreaField({ id, label, hint, errors, required, value, onChange, rows = 4, ...rest }: TextAreaFieldProps) {
  return (
    <div className="field field--wide">
      <Label id={id} label={label} required={required} />
      <textarea
        {...rest}
        id={id}
        name={id}
        className="input"
        rows={rows}
        value={value}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      />
      <HintAndError id={id} hint={hint} errors={errors} />
    </div>
  );
}

type SelectFieldProps = FieldBase & {
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  disabled?: boolean;
};

export function SelectField({ id, label, hint, errors, required, value, onChange, options, disabled }: SelectFieldProps) {
  return (
    <div className="field">
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        name={id}
        className="input"
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <HintAndError id={id} hint={hint} errors={errors} />
    </div>
  );
}

type CheckboxFieldProps = Omit<FieldBase, 'required'> & {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
};

export function CheckboxField({ id, label, hint, errors, checked, onChange, disabled }: CheckboxFieldProps) {
  return (
    <div className="field field--checkbox">
      <input
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A group of checkboxes (roles, sectors, networks) in a fieldset with a legend. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  errors,
  options,
  selected,
  onChange,
  disabled,
  columns,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[] | undefined;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  selected: readonly string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
  columns?: boolean;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="fieldset" aria-describedby={describedBy(id, hint, errors)}>
      <legend>{legend}</legend>
      <HintAndError id={id} hint={hint} errors={errors} />
      <ul className={`checkbox-list ${columns ? 'checkbox-list--columns' : ''}`.trim()}>
        {options.map(([value, label]) => (
          <li key={value}>
            <input
              type="checkbox"
              id={`${id}-${value}`}
              checked={selected.includes(value)}
              disabled={disabled}
              onChange={(e) => toggle(value, e.target.checked)}
            />
            <label htmlFor={`${id}-${value}`}>{label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Lists the errors of a form at its top, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary({
  title = 'Le formulaire contient des erreurs',
  items,
  id,
}: {
  title?: string;
  items: ReadonlyArray<{ fieldId?: string | undefined; message: string }>;
  id?: string;
}) {
  if (!items.length) return null;
  return (
    <div role="alert" className="notice notice--error error-summary" id={id} tabIndex={-1}>
      <p className="error-summary__title">{title}</p>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.fieldId ?? ''}-${i}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  const target = document.getElementById(item.fieldId!);
                  if (target) {
                    e.preventDefault();
                    target.focus();
                  }
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The error summary of a form in the anchor the focus moves to after a refused submit (the anchor
 * stays when the summary is empty, so that focusing it never fails).
 */
export function FormErrorSummary({
  anchorRef,
  title,
  items,
}: {
  anchorRef: Ref<HTMLDivElement>;
  title: string;
  items: ReadonlyArray<{ fieldId?: string | undefined; message: string }>;
}) {
  return (
    <div ref={anchorRef} tabIndex={-1} className="summary-anchor">
      <ErrorSummary items={items} title={title} />
    </div>
  );
}

/** Explains the « * » of required fields (WCAG 3.3.2). */
export function RequiredNote() {
  return <p className="field__hint">Les champs marqués d'un astérisque (*) sont obligatoires.</p>;
}

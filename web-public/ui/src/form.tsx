import { useEffect, useRef, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import type { ApiErrors } from './api-errors';

/**
 * The form primitives of both SPAs. Every field ties its label to its control (`htmlFor`/`id`),
 * marks a required field with a visual « * » (explained by `RequiredNote`) plus `required`, and
 * points `aria-describedby` at its hint and error; a field with errors is `aria-invalid`.
 */
interface FieldBase {
  /** The control's id; also its `name` unless one is given. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Server or client messages, shown right under the field. */
  errors?: readonly string[] | undefined;
  required?: boolean | undefined;
}

/** The `aria-describedby` of the control `id`: its hint and its error, when they are shown (see `FieldMessages`). */
export function fieldDescribedBy(id: string, hint: unknown, errors: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function fieldClass(base: string, errors: readonly string[] | undefined, extra?: string): string {
  return [base, errors?.length ? 'field--error' : null, extra].filter(Boolean).join(' ');
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

/** The hint (`<id>-hint`) and the error (`<id>-error`) of a field or a fieldset built by hand. */
export function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: readonly string[] | undefined }) {
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
    <div className={fieldClass('field', errors, className)}>
      <Label id={id} label={label} required={required} />
      <input
        {...rest}
        id={id}
        name={rest.name ?? id}
        className="input"
        value={value}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, errors)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

type TextAreaFieldProps = FieldBase & {
  value: string;
  onChange: (value: string) => void;
  name?: string;
  rows?: number;
  maxLength?: number;
  readOnly?: boolean;
  autoFocus?: boolean;
};

export function TextAreaField({
  id,
  label,
  hint,
  errors,
  required,
  value,
  onChange,
  name,
  rows = 4,
  ...rest
}: TextAreaFieldProps) {
  return (
    <div className={fieldClass('field field--wide', errors)}>
      <Label id={id} label={label} required={required} />
      <textarea
        {...rest}
        id={id}
        name={name ?? id}
        className="input"
        rows={rows}
        value={value}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

type SelectFieldProps = FieldBase & {
  value: string;
  onChange: (value: string) => void;
  name?: string;
  /** The choices as [value, label] pairs, or `children` (`<option>` elements) for a list built by hand. */
  options?: ReadonlyArray<readonly [value: string, label: string]>;
  children?: ReactNode;
  disabled?: boolean;
};

export function SelectField({
  id,
  label,
  hint,
  errors,
  required,
  value,
  onChange,
  name,
  options,
  children,
  disabled,
}: SelectFieldProps) {
  return (
    <div className={fieldClass('field', errors)}>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        name={name ?? id}
        className="input"
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options?.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
        {children}
      </select>
      <FieldMessages id={id} hint={hint} errors={errors} />
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
        aria-describedby={fieldDescribedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} errors={errors} />
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
    <fieldset className="fieldset" aria-describedby={fieldDescribedBy(id, hint, errors)}>
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} errors={errors} />
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

/** One line of an error summary: a message, linked to its field when it has one. */
export interface ErrorSummaryItem {
  fieldId?: string | undefined;
  message: string;
}

/**
 * The items of an error summary from parsed API errors: the general messages first, then one item
 * per field, « Label : messages », linked to `fieldId(field)` when the field has a label.
 */
export function apiErrorItems(
  errors: ApiErrors,
  fieldId: (field: string) => string,
  labels: Readonly<Record<string, string>>,
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = errors.general.map((message) => ({ message }));
  for (const [field, messages] of Object.entries(errors.fields)) {
    if (messages.length === 0) continue;
    const label = labels[field];
    items.push(
      label ? { fieldId: fieldId(field), message: `${label} : ${messages.join(' ')}` } : { message: messages.join(' ') },
    );
  }
  return items;
}

/**
 * Lists the errors of a form at its top, each linking to its field (WCAG 3.3.1). It can take the
 * focus (`tabIndex=-1`); with `focusOn`, it takes it itself each time that value changes while it
 * has items (pass the errors of the last submit).
 */
export function ErrorSummary({
  title = 'Le formulaire contient des erreurs',
  items,
  id,
  focusOn,
}: {
  title?: string;
  items: readonly ErrorSummaryItem[];
  id?: string;
  focusOn?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  useEffect(() => {
    if (focusOn !== undefined && hasItems) ref.current?.focus();
  }, [focusOn, hasItems]);

  if (!hasItems) return null;
  return (
    <div ref={ref} role="alert" className="notice notice--error error-summary" id={id} tabIndex={-1}>
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
  items: readonly ErrorSummaryItem[];
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

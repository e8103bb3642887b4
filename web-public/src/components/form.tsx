import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  /** Nom du champ (identique au champ de l'entrée GraphQL). */
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  errors?: string[];
  /** Préfixe des identifiants : plusieurs formulaires par page. */
  idPrefix: string;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const value = ids.filter(Boolean).join(' ');
  return value || undefined;
}

function FieldShell({
  name,
  label,
  hint,
  required,
  errors,
  idPrefix,
  children,
}: FieldProps & { children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode }) {
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={errors?.length ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> (obligatoire)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="field__error">
          {errors?.join(' ')}
        </p>
      ) : null}
      {children({
        id,
        'aria-describedby': describedBy(hintId, errorId),
        ...(errorId ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField({ name, label, hint, required, errors, idPrefix, ...input }: TextFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} errors={errors} idPrefix={idPrefix}>
      {(a11y) => <input className="field__input" name={name} required={required} {...a11y} {...input} />}
    </FieldShell>
  );
}

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export function TextAreaField({ name, label, hint, required, errors, idPrefix, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} errors={errors} idPrefix={idPrefix}>
      {(a11y) => <textarea className="field__input field__textarea" name={name} required={required} {...a11y} {...textarea} />}
    </FieldShell>
  );
}

interface SelectFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}

export function SelectField({ name, label, hint, required, errors, idPrefix, value, onChange, children }: SelectFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} errors={errors} idPrefix={idPrefix}>
      {(a11y) => (
        <select
          className="field__select"
          name={name}
          required={required}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...a11y}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}

interface ErrorSummaryProps {
  idPrefix: string;
  general: string[];
  fields: Record<string, string[]>;
  labels: Record<string, string>;
}

/** Récapitulatif des erreurs (role="alert"), qui reçoit le focus, avec un lien vers chaque champ. */
export function ErrorSummary({ idPrefix, general, fields, labels }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const fieldEntries = Object.entries(fields).filter(([, messages]) => messages.length > 0);
  const hasErrors = general.length > 0 || fieldEntries.length > 0;

  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, general, fields]);

  if (!hasErrors) return null;
  return (
    <div ref={ref} role="alert" className="notice notice--error error-summary" tabIndex={-1}>
      <p className="error-summary__title">
        <strong>Le formulaire n'a pas pu être envoyé.</strong>
      </p>
      {general.map((message) => (
        <p key={message}>{message}</p>
      ))}
      {fieldEntries.length > 0 ? (
        <ul>
          {fieldEntries.map(([field, messages]) => (
            <li key={field}>
              {labels[field] ? (
                <a
                  href={`#${idPrefix}-${field}`}
                  onClick={(event) => {
                    const target = document.getElementById(`${idPrefix}-${field}`);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                  }}
                >
                  {labels[field]} : {messages.join(' ')}
                </a>
              ) : (
                messages.join(' ')
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

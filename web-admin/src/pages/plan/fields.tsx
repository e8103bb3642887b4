import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * The markup of the plan's compact forms: a `.field` with its label above the control and, when there
 * is one, the message under it (`errorId`, by default `<id>-error`, which the control names in
 * `aria-describedby`).
 */
export function Field({
  id,
  label,
  errors,
  errorId = `${id}-error`,
  wide,
  children,
}: {
  id: string;
  label: ReactNode;
  errors?: readonly string[] | undefined;
  errorId?: string | undefined;
  wide?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <div className={wide ? 'field field--wide' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {errors && (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

type InputFieldProps = {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[] | undefined;
  errorId?: string | undefined;
  wide?: boolean | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'>;

/** A labelled `<input>`; `errors` mark it invalid and are shown under it. */
export function InputField({ id, label, value, onChange, errors, errorId = `${id}-error`, wide, ...rest }: InputFieldProps) {
  return (
    <Field id={id} label={label} errors={errors} errorId={errorId} wide={wide}>
      <input
        id={id}
        className="input"
        {...rest}
        value={value}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

import { useRef, useState } from 'react';
import { focusSoon, splitFieldErrors } from './entityForm';
import { errorMessage, fieldErrorsOf } from '@essor/web-ui';

/** Messages per field of a form (client checks or the API's). */
export type FormFieldErrors<K extends string> = Partial<Record<K, string[]>>;

/**
 * The errors of an entity form (creation or edit): messages per field, shown under each field and
 * listed with a link in the error summary at the top, plus the messages that belong to no field.
 * After a refused submit the focus moves to the summary (`summaryRef`).
 */
export function useFormErrors<K extends string>({
  fieldId,
  fieldLabel,
}: {
  /** The id of a field's input, which the summary links to. */
  fieldId: (key: K) => string;
  /** A field's French label, which starts its line in the summary. */
  fieldLabel: (key: K) => string;
}) {
  const [errors, setErrors] = useState<FormFieldErrors<K>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const focusSummary = () => focusSoon(() => summaryRef.current);

  /** Shows the client-side checks' messages; true when there are none (the form may be sent). */
  const check = (clientErrors: FormFieldErrors<K>): boolean => {
    setErrors(clientErrors);
    if (!Object.keys(clientErrors).length) return true;
    focusSummary();
    return false;
  };

  /**
   * A refused mutation: the messages of the form's own fields next to them (`apiToForm` renames the
   * API's property names), the others (or a French sentence for the error) at the top of the summary.
   */
  const showServerErrors = (error: unknown, keys: readonly K[], apiToForm?: Record<string, string>) => {
    const { own, others } = splitFieldErrors(fieldErrorsOf(error, apiToForm), keys);
    setErrors(own);
    if (!Object.keys(own).length || others.length) setFormError(others.length ? others.join(' ') : errorMessage(error));
    focusSummary();
  };

  const clear = () => {
    setErrors({});
    setFormError(null);
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[K, string[]]>).map(([k, messages]) => ({
      fieldId: fieldId(k),
      message: `${fieldLabel(k)} : ${messages.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return {
    errors,
    setErrors,
    formError,
    setFormError,
    summaryRef,
    summaryItems,
    focusSummary,
    check,
    showServerErrors,
    clear,
  };
}

export type FormErrors<K extends string> = ReturnType<typeof useFormErrors<K>>;

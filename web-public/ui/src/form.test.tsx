// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSummary, SelectField, TextField, apiErrorItems } from './form';

afterEach(cleanup);

describe('form primitives', () => {
  it('a field: its label names the control, « * » stays out of the name, hint and error describe it', () => {
    render(
      <TextField
        id="f-email"
        label="Courriel"
        hint="Pour vous répondre."
        errors={['Adresse invalide.']}
        required
        value=""
        onChange={() => {}}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Courriel' });
    expect(input).toBeRequired();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Pour vous répondre. Adresse invalide.');
    expect(screen.getByText('*')).toHaveAttribute('aria-hidden', 'true');
  });

  it('a field without errors is not aria-invalid and has no description', () => {
    render(<SelectField id="f-year" label="Année" value="" onChange={() => {}} options={[['', 'Toutes']]} />);
    const select = screen.getByRole('combobox', { name: 'Année' });
    expect(select).not.toHaveAttribute('aria-invalid');
    expect(select).not.toHaveAttribute('aria-describedby');
  });

  it('apiErrorItems: general messages first, then « Label : messages » linked to the field', () => {
    expect(
      apiErrorItems(
        { general: ['Refusé.'], fields: { phone: ['Numéro invalide.'], other: ['Sans libellé.'], empty: [] } },
        (f) => `p-${f}`,
        {
          phone: 'Téléphone',
        },
      ),
    ).toEqual([
      { message: 'Refusé.' },
      { fieldId: 'p-phone', message: 'Téléphone : Numéro invalide.' },
      { message: 'Sans libellé.' },
    ]);
  });

  it('the error summary takes the focus when `focusOn` changes, and its links focus their field', async () => {
    function Form() {
      const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
      return (
        <>
          <ErrorSummary title="Le formulaire n'a pas pu être envoyé." items={errors} focusOn={errors} />
          <TextField id="f-name" label="Nom" value="" onChange={() => {}} errors={errors.map((e) => e.message)} />
          <button type="button" onClick={() => setErrors([{ fieldId: 'f-name', message: 'Nom : obligatoire.' }])}>
            Envoyer
          </button>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Form />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Envoyer' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent("Le formulaire n'a pas pu être envoyé.");
    await user.click(screen.getByRole('link', { name: 'Nom : obligatoire.' }));
    expect(screen.getByRole('textbox', { name: 'Nom' })).toHaveFocus();
  });
});

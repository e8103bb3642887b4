import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUGGEST_CORRECTION_MUTATION } from '../components/CorrectionForm';
import { renderApp } from '../test/render';
import { STRUCTURE_PAGE_QUERY } from './StructurePage';

const ID = 'U3RydWN0dXJlOjQy';

function person(
  id: string,
  displayName: string,
  extra: { email?: string | null; phone?: string | null; jobTitle?: string | null } = {},
) {
  return {
    __typename: 'Person' as const,
    id,
    displayName,
    jobTitle: extra.jobTitle ?? null,
    email: extra.email ?? null,
    phone: extra.phone ?? null,
  };
}

const structure = {
  __typename: 'Structure' as const,
  id: ID,
  name: 'Ressourcerie du Val de Sambre',
  essFamily: 'ASSOCIATION' as const,
  essFamilyExplanation: 'Association : déduite de la catégorie juridique INSEE 9220 (règle 2026-11-27.1).',
  address: '12 rue de la Croix',
  postalCode: '59600',
  commune: { __typename: 'Commune' as const, id: 'c1', code: '59392', name: 'Maubeuge' },
  epci: { __typename: 'Epci' as const, id: 'e1', siren: '200043396', name: 'CA Maubeuge Val de Sambre' },
  website: 'https://ressourcerie.exemple.org',
  email: 'contact@ressourcerie.exemple.org',
  phone: '03 27 00 00 00',
  description: 'Collecte, valorisation et revente d’objets.',
  services: 'Collecte à domicile, boutique solidaire.',
  values: 'Sobriété et insertion.',
  nafCode: '38.32Z',
  siret: '99123456700011',
  workforceRange: '12',
  workforceRangeLabel: '20 à 49 salariés',
  volunteerCount: 14,
  acceptsInterns: true,
  seeksVolunteers: false,
  esus: true,
  latitude: 50.2775,
  longitude: 3.9734,
  isDemo: true,
  lastVerifiedAt: null,
  networks: [{ __typename: 'Network' as const, id: 'n1', slug: 'cress-hdf', name: 'CRESS Hauts-de-France', acronym: 'CRESS' }],
  sectors: [
    {
      __typename: 'Sector' as const,
      id: 'sec1',
      slug: 'reemploi',
      name: 'Réemploi',
      facilitators: [
        person('p1', 'Laura Gosselin', { email: 'laura@exemple.org', phone: null, jobTitle: 'Animatrice' }),
        person('p2', 'Animateur du secteur'),
      ],
    },
  ],
  participations: [
    {
      __typename: 'Workshop' as const,
      id: 'w1',
      kind: 'WORKSHOP' as const,
      title: 'Participer à un salon',
      status: 'ACTIVE' as const,
    },
    {
      __typename: 'StudyDay' as const,
      id: 'd1',
      kind: 'STUDY_DAY' as const,
      title: 'Journée du réemploi',
      status: 'PLANNED' as const,
    },
  ],
  contacts: [person('p3', 'Trésorier (coordonnées non publiques)', { jobTitle: 'Trésorier' })],
  nearby: [
    {
      __typename: 'NearbyStructure' as const,
      distanceKm: 0.8,
      structure: {
        __typename: 'Structure' as const,
        id: 'other',
        name: 'Jardin partagé de Maubeuge',
        essFamily: 'ASSOCIATION' as const,
        commune: { __typename: 'Commune' as const, id: 'c1', name: 'Maubeuge' },
      },
    },
  ],
};

const structureMock: MockLink.MockedResponse = {
  request: { query: STRUCTURE_PAGE_QUERY, variables: { id: ID } },
  result: { data: { structure } },
};

describe('Fiche structure', () => {
  it('affiche toutes les informations publiques, les liens et le titre du document', async () => {
    renderApp([structureMock], `/structures/${ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ressourcerie du Val de Sambre' })).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("Ressourcerie du Val de Sambre — Annuaire de l'ESS en Sambre-Avesnois"));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    expect(screen.getByText(/déduite de la catégorie juridique INSEE 9220/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Maubeuge' })).toHaveAttribute('href', '/territoire/communes/59392');
    expect(screen.getByRole('link', { name: 'CA Maubeuge Val de Sambre' })).toHaveAttribute('href', '/territoire/epci/200043396');

    const contact = screen.getByRole('region', { name: 'Coordonnées' });
    expect(within(contact).getByText(/12 rue de la Croix/)).toHaveTextContent('12 rue de la Croix59600 Maubeuge');
    expect(within(contact).getByRole('link', { name: 'ressourcerie.exemple.org (nouvelle fenêtre)' })).toHaveAttribute(
      'href',
      'https://ressourcerie.exemple.org',
    );
    expect(within(contact).getByRole('link', { name: 'contact@ressourcerie.exemple.org' })).toHaveAttribute(
      'href',
      'mailto:contact@ressourcerie.exemple.org',
    );
    expect(within(contact).getByRole('link', { name: '03 27 00 00 00' })).toHaveAttribute('href', 'tel:+33327000000');
    expect(within(contact).getByText('Trésorier (coordonnées non publiques)')).toBeInTheDocument();

    expect(screen.getByText('Collecte à domicile, boutique solidaire.')).toBeInTheDocument();
    expect(screen.getByText('Sobriété et insertion.')).toBeInTheDocument();
    expect(screen.getByText('38.32Z')).toBeInTheDocument();
    expect(screen.getByText('20 à 49 salariés')).toBeInTheDocument();
    expect(screen.getByText('14')).toBeInTheDocument();
    expect(screen.getByText('Accueille des stagiaires')).toBeInTheDocument();
    expect(screen.getByText('Ne cherche pas de bénévoles')).toBeInTheDocument();
    expect(screen.getByText(/^Agrément ESUS/)).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'CRESS Hauts-de-France' })).toHaveAttribute('href', '/reseaux/cress-hdf');
    for (const link of screen.getAllByRole('link', { name: 'Réemploi' })) {
      expect(link).toHaveAttribute('href', '/secteurs/reemploi');
    }

    // Facilitators: e-mail and phone only when they are public.
    const facilitators = screen.getByRole('region', { name: 'Animation des secteurs' });
    expect(within(facilitators).getByText('Laura Gosselin')).toBeInTheDocument();
    expect(within(facilitators).getByRole('link', { name: 'laura@exemple.org' })).toBeInTheDocument();
    expect(within(facilitators).getByText('Animateur du secteur')).toBeInTheDocument();
    expect(within(facilitators).queryAllByRole('link', { name: /^tel:|^\d/ })).toHaveLength(0);

    expect(screen.getByRole('link', { name: 'Participer à un salon' })).toHaveAttribute('href', '/ateliers/w1');
    expect(screen.getByRole('link', { name: 'Journée du réemploi' })).toHaveAttribute('href', '/journees/d1');

    const nearby = screen.getByRole('region', { name: 'À proximité' });
    expect(within(nearby).getByRole('link', { name: 'Jardin partagé de Maubeuge' })).toHaveAttribute('href', '/structures/other');
    expect(within(nearby).getByText(/0,8 km/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copier le lien' })).toBeInTheDocument();
  });

  it('publie les données structurées schema.org (JSON-LD Organization)', async () => {
    const { container } = renderApp([structureMock], `/structures/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Ressourcerie du Val de Sambre' });

    const script = container.querySelector('script[type="application/ld+json"]');
    expect(script).not.toBeNull();
    const jsonLd = JSON.parse(script?.textContent ?? '{}');
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Ressourcerie du Val de Sambre',
      url: `http://localhost:3000/structures/${ID}`,
      address: {
        '@type': 'PostalAddress',
        streetAddress: '12 rue de la Croix',
        postalCode: '59600',
        addressLocality: 'Maubeuge',
        addressCountry: 'FR',
      },
      geo: { '@type': 'GeoCoordinates', latitude: 50.2775, longitude: 3.9734 },
      email: 'contact@ressourcerie.exemple.org',
      telephone: '03 27 00 00 00',
      sameAs: ['https://ressourcerie.exemple.org'],
    });
  });

  it('« Proposer une correction » affiche les erreurs par champ renvoyées par l’API (BAD_USER_INPUT)', async () => {
    const { user } = renderApp(
      [
        structureMock,
        {
          request: {
            query: SUGGEST_CORRECTION_MUTATION,
            variables: {
              input: {
                structureId: ID,
                message: 'Le site a changé.',
                submitterEmail: 'marie@exemple.org',
                website: 'ressourcerie.fr',
              },
            },
          },
          result: {
            errors: [
              new GraphQLError('Certaines valeurs sont invalides.', {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [{ field: 'website', messages: ["L'adresse du site doit commencer par http:// ou https://."] }],
                },
              }),
            ],
          },
        },
      ],
      `/structures/${ID}`,
    );

    const form = await screen.findByRole('region', { name: 'Proposer une correction' });
    await user.click(within(form).getByRole('checkbox', { name: 'Site web' }));
    await user.type(within(form).getByRole('textbox', { name: 'Site web (valeur correcte)' }), 'ressourcerie.fr');
    await user.type(within(form).getByRole('textbox', { name: /Votre message/ }), 'Le site a changé.');
    await user.type(within(form).getByRole('textbox', { name: /Votre adresse e-mail/ }), 'marie@exemple.org');
    await user.click(within(form).getByRole('button', { name: 'Envoyer la correction' }));

    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent("Le formulaire n'a pas pu être envoyé.");
    expect(within(summary).getByRole('link', { name: /Site web/ })).toBeInTheDocument();
    expect(summary).toHaveFocus();

    const website = within(form).getByRole('textbox', { name: 'Site web (valeur correcte)' });
    expect(website).toHaveAttribute('aria-invalid', 'true');
    expect(website).toHaveAccessibleDescription(
      "Commence par https:// ou http:// L'adresse du site doit commencer par http:// ou https://.",
    );
    expect(within(form).queryByRole('status')).not.toBeInTheDocument();
  });

  it('« Proposer une correction » : erreur typée (extensions.field), puis message de succès', async () => {
    const input = { structureId: ID, message: 'Nouveau numéro.', submitterEmail: 'marie@exemple.org', phone: '12' };
    const { user } = renderApp(
      [
        structureMock,
        {
          request: { query: SUGGEST_CORRECTION_MUTATION, variables: { input } },
          result: {
            errors: [
              new GraphQLError("Le numéro de téléphone n'est pas valide.", {
                extensions: { code: 'UNKNOWN_REFERENCE', field: 'input.phone' },
              }),
            ],
          },
        },
        {
          request: { query: SUGGEST_CORRECTION_MUTATION, variables: { input: { ...input, phone: '03 27 11 22 33' } } },
          result: {
            data: { suggestCorrection: { __typename: 'StructureSubmission', id: 'sub-1', status: 'PENDING' } },
          },
        },
      ],
      `/structures/${ID}`,
    );

    const form = await screen.findByRole('region', { name: 'Proposer une correction' });
    // Validation locale avant tout envoi.
    await user.click(within(form).getByRole('button', { name: 'Envoyer la correction' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Décrivez la correction');

    await user.click(within(form).getByRole('checkbox', { name: 'Téléphone' }));
    const phone = within(form).getByRole('textbox', { name: 'Téléphone (valeur correcte)' });
    await user.type(phone, '12');
    await user.type(within(form).getByRole('textbox', { name: /Votre message/ }), 'Nouveau numéro.');
    await user.type(within(form).getByRole('textbox', { name: /Votre adresse e-mail/ }), 'marie@exemple.org');
    await user.click(within(form).getByRole('button', { name: 'Envoyer la correction' }));

    expect(
      await within(form).findByText("Le numéro de téléphone n'est pas valide.", { selector: '.field__error' }),
    ).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');

    await user.clear(phone);
    await user.type(phone, '03 27 11 22 33');
    await user.click(within(form).getByRole('button', { name: 'Envoyer la correction' }));

    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Merci, votre proposition de correction a bien été envoyée.',
    );
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('affiche « Structure introuvable » pour un identifiant inconnu', async () => {
    renderApp(
      [{ request: { query: STRUCTURE_PAGE_QUERY, variables: { id: 'inconnu' } }, result: { data: { structure: null } } }],
      '/structures/inconnu',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Structure introuvable' })).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("Structure introuvable — Annuaire de l'ESS en Sambre-Avesnois"));
  });

  it('affiche une erreur accessible si la fiche ne peut pas être chargée', async () => {
    renderApp(
      [{ request: { query: STRUCTURE_PAGE_QUERY, variables: { id: ID } }, error: new Error('Network down') }],
      `/structures/${ID}`,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("La fiche n'a pas pu être chargée.");
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });
});

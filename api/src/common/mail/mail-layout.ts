/** A message as templates describe it: plain strings only, the layout escapes them. */
export interface MailContent {
  /** « Bonjour Camille, » */
  greeting: string;
  paragraphs: string[];
  /** The one link of the message (a button in HTML, a line of its own in text). */
  action?: { label: string; href: string };
  /** Paragraphs after the link (validity, « si vous n'avez rien demandé… »). */
  after?: string[];
}

export interface RenderedMail {
  text: string;
  html: string;
}

/**
 * HTML escaping of text and attribute values. Hand-written: five characters, and the API has no
 * HTML library among its dependencies (adding one is not allowed for this).
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SIGNATURE = 'L’équipe Essor — pôle territorial de l’ESS de Sambre-Avesnois';

/** Only web links: a template cannot produce a `javascript:` or `data:` link. */
function assertWebLink(href: string): void {
  if (!/^https?:\/\//i.test(href)) throw new Error('mail links must be http(s) URLs');
}

/** The plain-text and HTML parts of a message; every interpolated value is escaped in HTML. */
export function renderMail(c: MailContent): RenderedMail {
  if (c.action) assertWebLink(c.action.href);
  const after = c.after ?? [];
  const text = [
    c.greeting,
    ...c.paragraphs,
    ...(c.action ? [`${c.action.label} : ${c.action.href}`] : []),
    ...after,
    `— ${SIGNATURE}`,
  ].join('\n\n');
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="margin:0;padding:24px;background:#f5f5f0;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2a1f">',
    '<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">',
    p(c.greeting),
    ...c.paragraphs.map(p),
    ...(c.action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(c.action.href)}" style="display:inline-block;padding:12px 20px;background:#2f6b3a;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(c.action.label)}</a></p>`,
          `<p style="margin:0 0 16px;font-size:14px;color:#4a5a4a">${escapeHtml('Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :')}<br>${escapeHtml(c.action.href)}</p>`,
        ]
      : []),
    ...after.map(p),
    `<p style="margin:24px 0 0;font-size:14px;color:#4a5a4a">— ${escapeHtml(SIGNATURE)}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { text: `${text}\n`, html: `${html}\n` };
}

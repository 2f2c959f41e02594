// The page shell every booking page shares, and the page a visitor sees when something is wrong.
import { esc } from './escape.js';
import type { Catalog } from './messages.js';

export interface Shell { lang: string; title: string; body: string; css: string | null; script?: string | null; state?: string; embed?: boolean }

export function pageHtml({ lang, title, body, css, script, state, embed }: Shell): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${esc(title)}</title>${css ? `<link rel="stylesheet" href="/book/assets/${esc(css)}">` : ''}`
    + `${script ? `<script src="/book/assets/${esc(script)}" defer></script>` : ''}</head>`
    + `<body${embed ? ' class="embedded"' : ''}><main id="main">${body}</main>`
    + `${state ? `<script type="application/json" id="openslot-state">${state}</script>` : ''}</body></html>`;
}

export function errorHtml(lang: string, cat: Catalog, css: string | null, status: number, message: string): string {
  const title = status === 404 ? cat.notFoundTitle : cat.errorTitle;
  return pageHtml({ lang, css, title, body: `<h1>${esc(title)}</h1><p class="message" role="alert">${esc(message)}</p>` });
}

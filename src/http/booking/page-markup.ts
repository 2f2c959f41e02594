// The service list (/book/{company}) and the time picker (/book/{company}/{service}) as HTML.
import { esc } from './escape.js';
import { translate, type Catalog } from './messages.js';
import { groupByDay, monthGridHtml, timesHtml } from './picker-markup.js';

export const money = (cents: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);

export interface ListedService { href: string; name: string; duration: number; priceCents: number; description: string | null }

export function serviceListHtml(companyName: string, services: ListedService[], cat: Catalog, locale: string): string {
  const items = services.map((s) => `<li><a href="${esc(s.href)}">${esc(s.name)}</a>`
    + `<span class="meta">${esc(translate(cat, 'minutes', { n: s.duration }))} · ${esc(s.priceCents ? money(s.priceCents, locale) : cat.free)}</span>`
    + `${s.description ? `<span class="description">${esc(s.description)}</span>` : ''}</li>`);
  return `<h1>${esc(companyName)}</h1><h2>${esc(cat.chooseService)}</h2><ul class="services">${items.join('')}</ul>`;
}

export interface PickerInput {
  cat: Catalog; locale: string; zone: string; month: string; starts: number[];
  addons: Array<{ id: number; name: string; duration: number; priceCents: number; checked: boolean }>;
}

/** The time zone control, the add-ons, the month grid and the first open day's times. */
export function pickerHtml({ cat, locale, zone, month, starts, addons }: PickerInput): string {
  const days = groupByDay(starts, zone);
  const inMonth = new Set([...days.keys()].filter((d) => d.startsWith(month)));
  const selected = [...inMonth].sort()[0] ?? null;
  const addonList = addons.length === 0 ? '' : `<fieldset class="addons"><legend>${esc(cat.addons)}</legend>`
    + addons.map((a) => `<span class="choice"><input type="checkbox" id="addon-${a.id}" name="addon" value="${a.id}"${a.checked ? ' checked' : ''}>`
      + `<label for="addon-${a.id}">${esc(a.name)} (${a.duration ? `+${esc(translate(cat, 'minutes', { n: a.duration }))}, ` : ''}${esc(money(a.priceCents, locale))})</label></span>`).join('')
    + '</fieldset>';
  return `<section class="picker" aria-labelledby="choose-time"><h2 id="choose-time">${esc(cat.chooseTime)}</h2>`
    + `<div class="field"><label for="tz">${esc(cat.timeZone)}</label><input id="tz" name="tz" list="tz-list" value="${esc(zone)}" autocomplete="off" spellcheck="false">`
    + '<datalist id="tz-list"></datalist></div>'
    + addonList
    + `<div id="grid">${monthGridHtml({ month, available: inMonth, selected, locale, cat })}</div>`
    + `<div id="times">${timesHtml({ date: selected, times: selected ? days.get(selected)! : [], zone, locale, cat })}</div>`
    + '<div id="alert" role="alert" class="alert"></div></section>';
}

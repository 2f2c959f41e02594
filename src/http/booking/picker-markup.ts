// The month grid and the list of times, as HTML. The server renders them into the page and the
// browser re-renders them with this same module (bundled into web/), so both produce identical
// markup and the page does not shift when the script takes over. Pure: Intl only, no DOM, no Node.
import { esc } from './escape.js';
import { translate, type Catalog } from './messages.js';

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function dateKey(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

export function groupByDay(starts: number[], zone: string): Map<string, number[]> {
  const days = new Map<string, number[]>();
  for (const start of starts) {
    const key = dateKey(start, zone);
    days.set(key, [...(days.get(key) ?? []), start]);
  }
  return days;
}

const utcDate = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** "Wednesday, December 9, 2026" in the locale. */
export const fullDate = (date: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(utcDate(date));

/** A time as shown on the page: 12 or 24 hours as the locale has it. */
export const clockTime = (ms: number, zone: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(ms);

export function shiftMonth(month: string, by: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

export interface GridInput { month: string; available: Set<string>; selected: string | null; locale: string; cat: Catalog }

export function monthGridHtml({ month, available, selected, locale, cat }: GridInput): string {
  const first = utcDate(`${month}-01`);
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const weekStart = locale === 'en-US' ? 0 : 1;
  const lead = (new Date(first).getUTCDay() - weekStart + 7) % 7;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const heads = Array.from({ length: 7 }, (_, i) => {
    const day = Date.UTC(2023, 0, 1 + ((i + weekStart) % 7)); // 2023-01-01 is a Sunday
    return `<th scope="col" abbr="${esc(weekdayLong.format(day))}">${esc(weekday.format(day))}</th>`;
  });
  const cells: string[] = Array.from({ length: lead }, () => '<td></td>');
  for (let d = 1; d <= days; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    const open = available.has(date);
    cells.push(`<td><button type="button" class="day" data-date="${date}" aria-label="${esc(fullDate(date, locale))}"`
      + ` aria-pressed="${date === selected}"${open ? '' : ' disabled'}>${d}</button></td>`);
  }
  while (cells.length % 7) cells.push('<td></td>');
  const rows = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(`<tr>${cells.slice(i, i + 7).join('')}</tr>`);
  const title = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first);
  return `<div class="month-head"><button type="button" class="month-nav" data-month="${shiftMonth(month, -1)}" aria-label="${esc(cat.previousMonth)}">‹</button>`
    + `<h2 id="month-title" aria-live="polite">${esc(title)}</h2>`
    + `<button type="button" class="month-nav" data-month="${shiftMonth(month, 1)}" aria-label="${esc(cat.nextMonth)}">›</button></div>`
    + `<table class="grid" aria-labelledby="month-title"><thead><tr>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    + (available.size === 0 ? `<p class="empty">${esc(cat.noTimesMonth)}</p>` : '');
}

export interface TimesInput { date: string | null; times: number[]; zone: string; locale: string; cat: Catalog }

export function timesHtml({ date, times, zone, locale, cat }: TimesInput): string {
  if (!date) return '';
  const heading = `<h3 id="times-title">${esc(translate(cat, 'timesOn', { date: fullDate(date, locale) }))}</h3>`;
  if (times.length === 0) return `${heading}<p>${esc(cat.noTimes)}</p>`;
  const buttons = times.map((t) => `<li><button type="button" class="time" data-start="${new Date(t).toISOString()}">${esc(clockTime(t, zone, locale))}</button></li>`);
  return `${heading}<ul class="times" aria-labelledby="times-title">${buttons.join('')}</ul>`;
}

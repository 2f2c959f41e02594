// The booking page in the browser: re-renders the server's month grid and times in the visitor's
// zone, holds a time when picked (with a countdown and an extend button), sends the form, and
// reports its height to an embedding page. Markup comes from the same module the server uses.
import { clockTime, fullDate, groupByDay, monthGridHtml, timesHtml } from '../src/http/booking/picker-markup.js';
import { translate, type Catalog } from '../src/http/booking/messages.js';
import { sendForm } from './details-form.js';
import { api, type ApiError } from './request.js';
import { currentZoneName } from './zone-names.js';

interface PageState {
  page: 'list' | 'book' | 'reschedule' | 'manage'; cat: Catalog; locale: string; embed?: boolean; month: string; starts: number[];
  businessZone: string; zoneFromQuery: boolean; api: string; holds?: string; calendarID: number | null; priceCents: number;
  addons: Array<{ id: number; priceCents: number }>; keep: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const state = JSON.parse($('openslot-state').textContent ?? '{}') as PageState;
const browserZone = currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);

if (state.embed) reportHeight();
if (state.page === 'book' || state.page === 'reschedule') picker();

function reportHeight() {
  const send = () => parent.postMessage({ type: 'openslot:height', height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(send).observe(document.body);
  send();
}

function picker() {
  const { cat, locale } = state;
  const tz = $<HTMLInputElement>('tz');
  const grid = $('grid');
  const times = $('times');
  const alertBox = $('alert');
  let zone = state.zoneFromQuery ? tz.value : browserZone;
  let month = state.month;
  let starts = state.starts;
  let selected: string | null = null;
  let hold: { id: string; expiresAt: number; timer: number } | null = null;

  const chosenAddons = () => [...document.querySelectorAll<HTMLInputElement>('input[name=addon]:checked')].map((a) => Number(a.value));
  const render = (focus?: string) => {
    const days = groupByDay(starts, zone);
    const open = new Set([...days.keys()].filter((d) => d.startsWith(month)));
    if (!selected || !open.has(selected)) selected = [...open].sort()[0] ?? null;
    grid.innerHTML = monthGridHtml({ month, available: open, selected, locale, cat });
    times.innerHTML = timesHtml({ date: selected, times: selected ? days.get(selected) ?? [] : [], zone, locale, cat });
    if (focus) grid.querySelector<HTMLElement>(focus)?.focus();
  };
  const loadMonth = async (target: string, focus?: string) => {
    const query = new URLSearchParams({ month: target, tz: zone });
    if (chosenAddons().length) query.set('addons', chosenAddons().join(','));
    if (state.calendarID) query.set('calendarID', String(state.calendarID));
    const data = await api<{ month: string; starts: string[] }>('GET', `${state.api}/month?${query}`);
    month = data.month;
    starts = data.starts.map((s) => Date.parse(s));
    selected = null;
    render(focus);
  };
  const say = (message: string) => { alertBox.textContent = ''; requestAnimationFrame(() => { alertBox.textContent = message; }); };

  tz.value = zone;
  if (zone !== state.businessZone) render();
  tz.addEventListener('focus', () => {
    const list = $('tz-list');
    if (list.childElementCount) return;
    const zones = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
    list.innerHTML = [...new Set(zones.map(currentZoneName))].sort().map((z) => `<option value="${z}"></option>`).join('');
  }, { once: true });
  tz.addEventListener('change', () => {
    try { new Intl.DateTimeFormat('en', { timeZone: tz.value }); } catch { tz.value = zone; return; }
    zone = tz.value;
    loadMonth(month).catch((e: ApiError) => say(e.message));
  });
  document.querySelectorAll('input[name=addon]').forEach((box) => box.addEventListener('change', () => {
    loadMonth(month).catch((e: ApiError) => say(e.message));
    updateTotal();
  }));
  grid.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    if (button.dataset.date) { selected = button.dataset.date; render(`[data-date="${selected}"]`); }
    else if (button.dataset.month) {
      const focus = `[aria-label="${button.getAttribute('aria-label')}"]`;
      loadMonth(button.dataset.month, focus).catch((e: ApiError) => say(e.message));
    }
  });
  times.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.time');
    if (button?.dataset.start) pick(button, button.dataset.start).catch(() => {});
  });

  async function pick(button: HTMLButtonElement, start: string) {
    alertBox.textContent = '';
    times.querySelectorAll('button.time').forEach((b) => b.removeAttribute('aria-pressed'));
    if (state.page === 'reschedule') {
      try {
        const moved = await api<{ manageUrl: string }>('POST', `${state.api}/reschedule`, { start });
        location.assign(`${moved.manageUrl}${nextQuery()}&done=rescheduled`);
      } catch (e) { say((e as ApiError).message); await loadMonth(month); }
      return;
    }
    if (hold) { releaseHold(); }
    try {
      const body: Record<string, unknown> = { start, addons: chosenAddons() };
      if (state.calendarID) body.calendarID = state.calendarID;
      const held = await api<{ hold: string; expiresAt: string }>('POST', `${state.api}/hold`, body);
      button.setAttribute('aria-pressed', 'true');
      hold = { id: held.hold, expiresAt: Date.parse(held.expiresAt), timer: window.setInterval(tick, 1000) };
      const form = $<HTMLFormElement>('details');
      form.hidden = false;
      $('chosen').textContent = `${fullDate(selected!, locale)}, ${clockTime(Date.parse(start), zone, locale)} (${zone})`;
      tick();
      updateTotal();
      $('f-firstName').focus();
    } catch (e) {
      say((e as ApiError).message);
      await loadMonth(month);
    }
  }

  function tick() {
    if (!hold) return;
    const left = Math.max(0, Math.round((hold.expiresAt - Date.now()) / 1000));
    $('countdown').textContent = translate(cat, 'heldFor', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` });
    if (left === 0) { releaseHold(); say(cat.holdExpired); loadMonth(month).catch(() => {}); }
  }
  function releaseHold() {
    if (!hold) return;
    window.clearInterval(hold.timer);
    api('DELETE', `${state.holds}/${hold.id}`).catch(() => {});
    hold = null;
    $<HTMLFormElement>('details').hidden = true;
  }
  const nextQuery = () => `${state.keep ? `${state.keep}&` : '?'}tz=${encodeURIComponent(zone)}`;

  let codeTotal: string | null = null;
  function updateTotal() {
    const cents = state.priceCents + state.addons.filter((a) => chosenAddons().includes(a.id)).reduce((s, a) => s + a.priceCents, 0);
    $('total').textContent = codeTotal ?? new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);
  }

  if (state.page !== 'book') return;
  $('extend').addEventListener('click', async () => {
    if (!hold) return;
    try {
      hold.expiresAt = Date.parse((await api<{ expiresAt: string }>('POST', `${state.holds}/${hold.id}/extend`)).expiresAt);
      tick();
    } catch (e) { say((e as ApiError).message); }
  });
  $('check-code').addEventListener('click', async () => {
    const code = $<HTMLInputElement>('f-certificate').value.trim();
    const status = $('code-status');
    try {
      const quote = await api<{ totalCents: number; discountCents: number }>('POST', `${state.api}/price`, { code, addons: chosenAddons(), email: $<HTMLInputElement>('f-email').value.trim() || undefined });
      const format = (c: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(c / 100);
      codeTotal = code ? format(quote.totalCents) : null;
      status.textContent = code ? translate(cat, 'codeApplied', { discount: format(quote.discountCents) }) : '';
      updateTotal();
    } catch (e) { codeTotal = null; status.textContent = (e as ApiError).message; updateTotal(); }
  });
  $<HTMLFormElement>('details').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!hold) return;
    const done = await sendForm($<HTMLFormElement>('details'), `${state.holds}/${hold.id}/book`, zone, cat);
    if (done) { window.clearInterval(hold.timer); hold = null; location.assign(`${done}${nextQuery()}`); }
    else if (done === null) { releaseHold(); await loadMonth(month); }
  });
}

// <openslot-booking company="…" service="…" [mode="popup"] [lang="…"]>: the booking page in an
// iframe whose height follows its content (the page posts it), inline or behind a button.
const loader = document.currentScript as HTMLScriptElement | null;
const origin = new URL(loader?.src ?? location.href).origin;

function frameFor(element: HTMLElement): HTMLIFrameElement {
  const company = encodeURIComponent(element.getAttribute('company') ?? '');
  const service = element.getAttribute('service');
  const query = new URLSearchParams({ embed: '1' });
  const lang = element.getAttribute('lang');
  if (lang) query.set('lang', lang);
  const frame = document.createElement('iframe');
  frame.src = `${origin}/book/${company}${service ? `/${encodeURIComponent(service)}` : ''}?${query}`;
  frame.title = element.getAttribute('title') ?? 'Booking';
  frame.style.cssText = 'width:100%;border:0;display:block;height:480px';
  window.addEventListener('message', (event) => {
    const data = event.data as { type?: string; height?: number };
    if (event.origin === origin && event.source === frame.contentWindow && data?.type === 'openslot:height' && typeof data.height === 'number') {
      frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
  return frame;
}

class OpenSlotBooking extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    if (this.getAttribute('mode') !== 'popup') { root.append(frameFor(this)); return; }
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = this.getAttribute('label') ?? 'Book now';
    open.addEventListener('click', () => {
      const dialog = document.createElement('dialog');
      dialog.style.cssText = 'width:min(40rem,100vw - 2rem);padding:0.5rem;border:1px solid #888';
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Close';
      close.addEventListener('click', () => dialog.close());
      dialog.addEventListener('close', () => dialog.remove());
      dialog.append(close, frameFor(this));
      root.append(dialog);
      dialog.showModal();
    });
    root.append(open);
  }
}

if (!customElements.get('openslot-booking')) customElements.define('openslot-booking', OpenSlotBooking);

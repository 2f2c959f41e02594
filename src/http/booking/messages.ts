// Every text on the booking page, in one catalog: English and German. The page picks the language
// from ?lang=, else Accept-Language, else English; dates and times go through Intl in that locale.
// Pure data and functions: the browser bundle imports this module too.

const en = {
  chooseService: 'Choose a service', minutes: '{n} minutes', book: 'Book', chooseTime: 'Choose a time',
  previousMonth: 'Previous month', nextMonth: 'Next month', timeZone: 'Time zone', timesOn: 'Times on {date}',
  noTimes: 'No times are available on this day.', noTimesMonth: 'No times are available in this month.',
  yourDetails: 'Your details', firstName: 'First name', lastName: 'Last name', email: 'Email', phone: 'Phone',
  addons: 'Add-ons', code: 'Coupon or package code', checkCode: 'Check code', codeApplied: 'Code applied: {discount} off.',
  total: 'Total', bookButton: 'Book appointment', heldFor: 'This time is held for you for {time}.', extend: 'Hold it longer',
  holdExpired: 'Your hold on this time has ended. Please choose a time again.',
  taken: 'Sorry, that time was just taken. Please choose another time.', required: 'This field is required.',
  errorsFound: 'Please correct the marked fields.', yes: 'Yes', no: 'No',
  confirmed: 'Your appointment is confirmed', canceled: 'Your appointment is canceled', yourTime: 'Your time ({zone})',
  businessTime: 'Business time ({zone})', addToCalendar: 'Add to calendar', reschedule: 'Reschedule', cancel: 'Cancel',
  cancelConfirm: 'Cancel this appointment', rescheduleTo: 'Choose a new time', rescheduled: 'Your appointment was moved.',
  notAllowedCancel: 'This appointment can no longer be canceled online.', notAllowedReschedule: 'This appointment can no longer be rescheduled online.',
  appointment: 'Appointment', price: 'Price', notFoundTitle: 'Not found', errorTitle: 'Something is not right',
  backToServices: 'All services', free: 'Free', openBooking: 'Book now', close: 'Close', language: 'Language',
};

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

const de: Catalog = {
  chooseService: 'Leistung wählen', minutes: '{n} Minuten', book: 'Buchen', chooseTime: 'Termin wählen',
  previousMonth: 'Vorheriger Monat', nextMonth: 'Nächster Monat', timeZone: 'Zeitzone', timesOn: 'Zeiten am {date}',
  noTimes: 'An diesem Tag sind keine Zeiten frei.', noTimesMonth: 'In diesem Monat sind keine Zeiten frei.',
  yourDetails: 'Ihre Angaben', firstName: 'Vorname', lastName: 'Nachname', email: 'E-Mail', phone: 'Telefon',
  addons: 'Zusatzleistungen', code: 'Gutschein- oder Paketcode', checkCode: 'Code prüfen', codeApplied: 'Code angewendet: {discount} Rabatt.',
  total: 'Gesamt', bookButton: 'Buchen', heldFor: 'Diese Zeit ist noch {time} für Sie reserviert.', extend: 'Länger reservieren',
  holdExpired: 'Ihre Reservierung ist abgelaufen. Bitte wählen Sie erneut eine Zeit.',
  taken: 'Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere.', required: 'Dieses Feld ist erforderlich.',
  errorsFound: 'Bitte korrigieren Sie die markierten Felder.', yes: 'Ja', no: 'Nein',
  confirmed: 'Ihr Termin ist bestätigt', canceled: 'Ihr Termin ist storniert', yourTime: 'Ihre Zeit ({zone})',
  businessTime: 'Zeit des Anbieters ({zone})', addToCalendar: 'Zum Kalender hinzufügen', reschedule: 'Verschieben', cancel: 'Stornieren',
  cancelConfirm: 'Diesen Termin stornieren', rescheduleTo: 'Neue Zeit wählen', rescheduled: 'Ihr Termin wurde verschoben.',
  notAllowedCancel: 'Dieser Termin kann online nicht mehr storniert werden.', notAllowedReschedule: 'Dieser Termin kann online nicht mehr verschoben werden.',
  appointment: 'Termin', price: 'Preis', notFoundTitle: 'Nicht gefunden', errorTitle: 'Da stimmt etwas nicht',
  backToServices: 'Alle Leistungen', free: 'Kostenlos', openBooking: 'Jetzt buchen', close: 'Schließen', language: 'Sprache',
};

export const CATALOGS: Record<string, Catalog> = { en, de };
/** The Intl locale of each language. */
export const LOCALES: Record<string, string> = { en: 'en-US', de: 'de-DE' };

/** ?lang= wins when it names a language we have; then the best Accept-Language entry we have. */
export function pickLanguage(requested: unknown, acceptLanguage: string | undefined): string {
  if (typeof requested === 'string' && CATALOGS[requested.toLowerCase()]) return requested.toLowerCase();
  const ranked = (acceptLanguage ?? '').slice(0, 500).split(',').map((part) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
    return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1 };
  }).filter((e) => e.q > 0).sort((a, b) => b.q - a.q);
  return ranked.find((e) => CATALOGS[e.lang])?.lang ?? 'en';
}

export function translate(catalog: Catalog, key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

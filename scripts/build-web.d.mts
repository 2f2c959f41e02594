/** Bundles web/ into dist/web and returns the manifest (logical name → fingerprinted file). */
export function buildWeb(): Promise<Record<'booking.js' | 'booking.css' | 'embed.js', string>>;

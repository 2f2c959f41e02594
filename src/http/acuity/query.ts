// Query strings as Acuity clients send them. Arrays arrive as `addonIDs[]=1&addonIDs[]=2`, as
// `addonIDs[0]=1&addonIDs[1]=2` (the official client, through the qs module), or as repeated
// `addonIDs=1&addonIDs=2`; all three read the same here. Values are strings until a reader
// interprets them.
export type Query = Record<string, string | string[]>;

const INDEXED = /^(.+?)\[(\d*)\]$/;

export function normalizeQuery(raw: unknown): Query {
  const out: Query = {};
  const indexed = new Map<string, Array<{ index: number; order: number; value: string }>>();
  let order = 0;
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v ?? ''));
    const match = INDEXED.exec(key);
    if (!match) {
      out[key] = values.length === 1 ? values[0] : values;
      continue;
    }
    const [, name, index] = match;
    const list = indexed.get(name) ?? [];
    for (const v of values) list.push({ index: index === '' ? Number.MAX_SAFE_INTEGER : Number(index), order: order++, value: v });
    indexed.set(name, list);
  }
  for (const [name, list] of indexed) {
    const plain = out[name];
    const before = plain === undefined ? [] : Array.isArray(plain) ? plain : [plain];
    out[name] = [...before, ...list.sort((a, b) => a.index - b.index || a.order - b.order).map((x) => x.value)];
  }
  return out;
}

/** One value: the last given when repeated; undefined when absent or empty. */
export function single(q: Query, name: string): string | undefined {
  const value = q[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined || last.trim() === '' ? undefined : last.trim();
}

/** A list: bracket styles, repeats, or one comma-separated value. */
export function list(q: Query, name: string): string[] {
  const value = q[name];
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : value.split(',');
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

const TRUE = new Set(['true', '1', 'yes', 'on']);

/** `admin=true`, `admin=1`; anything else (or absent) is false. */
export const flag = (q: Query, name: string): boolean => TRUE.has((single(q, name) ?? '').toLowerCase());

/** `field:12=value` filters: field id → value. */
export function fieldFilters(q: Query): Map<number, string> {
  const out = new Map<number, string>();
  for (const key of Object.keys(q)) {
    const match = /^field:(\d+)$/.exec(key);
    const value = single(q, key);
    if (match && value !== undefined) out.set(Number(match[1]), value);
  }
  return out;
}

// Building blocks of the v1 models. OnSched's v1 documents declare no `required` fields and a
// faithful server renders every property a view model declares, null where it has no value: so a
// view model requires every property and lets each be null, and `complete` fills in the nulls.
// Request models make everything optional (and nullable: clients send null for "not set").
import { Kind, Type, type Static, type TNull, type TObject, type TOptional, type TProperties, type TSchema, type TUnion } from '@sinclair/typebox';

export const Str = Type.String();
export const Int = Type.Integer();
export const Num = Type.Number();
export const Bool = Type.Boolean();
/** An id a client sends: our numeric id as text or a number, or a v3 uid. */
export const Id = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Integer({ minimum: 1 })]);

type Nullable<T extends TProperties> = { [K in keyof T]: TUnion<[T[K], TNull]> };
type Optional<T extends TProperties> = { [K in keyof T]: TOptional<TUnion<[T[K], TNull]>> };

export function view<T extends TProperties>(title: string, properties: T): TObject<Nullable<T>> {
  const props = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, Type.Union([s, Type.Null()])]));
  return Type.Object(props, { title }) as unknown as TObject<Nullable<T>>;
}

export function input<T extends TProperties>(title: string, properties: T): TObject<Optional<T>> {
  const props = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, Type.Optional(Type.Union([s, Type.Null()]))]));
  return Type.Object(props, { title }) as unknown as TObject<Optional<T>>;
}

/** The list envelope every v1 list answers with. */
export function listOf<T extends TSchema>(title: string, item: T) {
  return view(title, { object: Str, url: Str, hasMore: Bool, count: Int, total: Int, data: Type.Array(item) });
}

type Loose = Record<string, unknown> | null | undefined;

/** `value` shaped by `schema`: every declared property present, null where the value has none. */
export function complete<T extends TSchema>(schema: T, value: Loose): Static<T> {
  return fill(schema, value) as Static<T>;
}

function fill(schema: TSchema, value: unknown): unknown {
  const inner = (schema.anyOf as TSchema[] | undefined)?.find((s) => s.type !== 'null') ?? schema;
  if (value === undefined || value === null) return null;
  if (inner[Kind] === 'Object' && inner.properties) {
    const source = value as Record<string, unknown>;
    const props = inner.properties as Record<string, TSchema>;
    return Object.fromEntries(Object.keys(props).map((k) => [k, fill(props[k], source[k])]));
  }
  if (inner[Kind] === 'Array' && Array.isArray(value)) return value.map((item) => fill(inner.items as TSchema, item));
  return value;
}

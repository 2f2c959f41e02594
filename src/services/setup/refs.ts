// The document's objects name each other by `ref`. This table records what each ref became and
// resolves references, failing with the path of the reference when it names nothing.
import { DomainError } from '../../core/errors.js';

export interface Created { id: number; uid: string }
export type RefKind = 'location' | 'resource' | 'service' | 'addon' | 'form' | 'field' | 'label' | 'coupon' | 'package' | 'class' | 'block';

export class RefTable {
  private readonly byRef = new Map<string, { kind: RefKind; created: Created }>();

  add(kind: RefKind, ref: string, path: string, created: Created): void {
    if (this.byRef.has(ref)) throw new DomainError('invalid_input', { field: `${path}.ref`, message: `${path}.ref "${ref}" is used twice` });
    this.byRef.set(ref, { kind, created });
  }

  /** Checks a ref is new before anything is inserted for it. */
  assertFree(ref: string, path: string): void {
    if (this.byRef.has(ref)) throw new DomainError('invalid_input', { field: `${path}.ref`, message: `${path}.ref "${ref}" is used twice` });
  }

  resolve(kind: RefKind, ref: string, path: string): Created {
    const entry = this.byRef.get(ref);
    if (!entry || entry.kind !== kind) {
      throw new DomainError('invalid_input', { field: path, value: ref, message: `${path} names no ${kind} with ref "${ref}"` });
    }
    return entry.created;
  }

  toJSON(): Record<string, Created> {
    return Object.fromEntries([...this.byRef].map(([ref, { created }]) => [ref, created]));
  }
}

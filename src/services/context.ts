// What every service needs from the outside world, passed in so tests can control time and chance.
import type { Store } from '../store/database.js';
import type { SecretBox } from '../security/secrets.js';
import type { GuardedHttp } from '../security/outbound/guarded-fetch.js';

export interface ServiceContext {
  store: Store;
  secrets: SecretBox;
  /** Current time in epoch milliseconds. */
  now: () => number;
  /** Uniform in [0, 1): drives RANDOM round robin. */
  random: () => number;
  /** This process's external-calendar sync loop, when it runs one: availability wakes it for stale calendars. */
  calendarSync?: { readonly staleAfterMs: number; wake(): void };
  /** HTTP to tenant-supplied URLs under the operator's address policy; from OPENSLOT_OUTBOUND_ALLOW when absent. */
  outbound?: GuardedHttp;
}

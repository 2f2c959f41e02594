// Shared vocabulary of the scheduling core. Times are UTC epoch milliseconds; durations and
// paddings are minutes; local wall times ("HH:MM") are read in an IANA zone only when expanded.

export type Millis = number;

/** A half-open range [start, end) on the UTC timeline. */
export interface Interval {
  start: Millis;
  end: Millis;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock range, "HH:MM" each; the end may be "24:00" (midnight after). */
export type TimeRange = [string, string];
export type WeeklyHours = Partial<Record<Weekday, TimeRange[]>>;

/** The hours of one local date, replacing that weekday's; `[]` closes the day. */
export interface DateOverride {
  date: string; // YYYY-MM-DD
  hours: TimeRange[];
}

/** A block of time. A weekly block repeats at the same local wall time every 7 days until `until`. */
export interface Block {
  start: Millis;
  end: Millis;
  weekly?: boolean;
  until?: Millis | null;
}

/** A live appointment (BK, RS, or IN not yet expired) as the resource sees it. */
export interface BusyAppointment {
  start: Millis;
  end: Millis;
  paddingBefore: number;
  paddingAfter: number;
}

export interface ResourceCalendar {
  id: number;
  /** Resolved IANA zone: the resource's, else its location's, else the company's. */
  zone: string;
  hours: WeeklyHours;
  overrides: DateOverride[];
  /** How many live appointments may overlap at once. */
  capacity: number;
  appointments: BusyAppointment[];
  blocks: Block[];
  /** Busy ranges read from connected external calendars. */
  external?: Interval[];
  /** Working ranges besides the weekly hours (single allocations), on the UTC timeline. */
  extra?: Interval[];
}

export interface SlotRules {
  /** Minutes, add-ons included. */
  duration: number;
  /** Minutes between candidate starts, stepped from the start of each working range. */
  interval: number;
  paddingBefore: number;
  paddingAfter: number;
  minHoursInAdvance: number;
  maxDaysInAdvance: number;
  /** OnSched's allowPaddingOverflow: the padding after may run past the end of working hours. */
  paddingOverflow?: boolean;
}

export interface Slot {
  start: Millis;
  end: Millis;
  /** Free resources at this start, ascending by id. */
  resourceIds: number[];
  /** Remaining capacity summed over the free resources. */
  seatsLeft: number;
}

export type RoundRobin = 'NONE' | 'RANDOM' | 'BALANCED' | 'COMBINED';
export const ROUND_ROBIN_MODES: readonly RoundRobin[] = ['NONE', 'RANDOM', 'BALANCED', 'COMBINED'];

export type AppointmentStatus = 'IN' | 'RS' | 'BK' | 'CN' | 'RE';

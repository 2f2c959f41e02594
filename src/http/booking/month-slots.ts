// The free starts of a service in one local month, and the first month from now that has any:
// the page's month grid. The availability itself is the shared findAvailability service.
import { DateTime } from 'luxon';
import { findAvailability } from '../../services/scheduling/find-availability.js';
import { companySettings } from '../../services/companies/get-company.js';
import type { ServiceContext } from '../../services/context.js';
import type { CompanyRow, ServiceRow } from '../../store/schema.js';

export interface MonthQuery { company: CompanyRow; service: ServiceRow; month: string; zone: string; addonIds: number[]; resourceId?: number; ignoreAppointmentId?: number }

const monthWindow = (month: string, zone: string) => {
  const start = DateTime.fromISO(`${month}-01`, { zone }).startOf('month');
  return { from: start.toMillis(), to: start.plus({ months: 1 }).toMillis() };
};

/** Starts in the month (in `zone`), padded by a day on each side so a browser in any other zone can regroup them. */
export async function monthStarts(ctx: ServiceContext, q: MonthQuery): Promise<number[]> {
  const { from, to } = monthWindow(q.month, q.zone);
  const now = ctx.now();
  const horizon = now + horizonDays(q.company, q.service) * 86_400_000 + 86_400_000;
  const start = Math.max(from - 86_400_000, now);
  const end = Math.min(to + 86_400_000, horizon);
  if (end <= start) return [];
  const found = await findAvailability(ctx, q.company.id, {
    serviceKey: q.service.id, from: start, to: end, addonKeys: q.addonIds,
    resourceKeys: q.resourceId ? [q.resourceId] : undefined,
    ignoreAppointmentKeys: q.ignoreAppointmentId ? [q.ignoreAppointmentId] : undefined,
  });
  return [...new Set(found.slots.map((s) => s.start))].sort((a, b) => a - b);
}

const horizonDays = (company: CompanyRow, service: ServiceRow) => service.max_days_in_advance ?? companySettings(company).maxDaysInAdvance;

/** This month (in `zone`), or the first later one within the booking window that has a free time. */
export async function firstOpenMonth(ctx: ServiceContext, q: Omit<MonthQuery, 'month'>): Promise<{ month: string; starts: number[] }> {
  const now = DateTime.fromMillis(ctx.now(), { zone: q.zone });
  const last = now.plus({ days: horizonDays(q.company, q.service) });
  let month = now.startOf('month');
  while (month <= last) {
    const key = month.toFormat('yyyy-MM');
    const starts = await monthStarts(ctx, { ...q, month: key });
    if (starts.some((s) => DateTime.fromMillis(s, { zone: q.zone }).toFormat('yyyy-MM') === key)) return { month: key, starts };
    month = month.plus({ months: 1 });
  }
  return { month: now.toFormat('yyyy-MM'), starts: [] };
}

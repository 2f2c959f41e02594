import type { CreatedCompany } from '../services/companies/create-company.js';

/** Ready-to-paste commands against the demo business, one per surface. */
export function printDemoCommands(url: string, c: CreatedCompany): void {
  const day = new Date(Date.now() + 2 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const date = day.toISOString().slice(0, 10);
  const next = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
  const { consult, main } = c.refs;
  console.log(`
Demo Clinic is loaded (company ${c.id}). Try:

# OnSched v3: availability, then hold a time it offers
curl -s '${url}/v3/availability?startDate=${date}T00:00:00Z&endDate=${next}T00:00:00Z&ServiceId=${consult.uid}&LocationId=${main.uid}' -H 'x-api-key: ${c.apiKey}'
curl -s -X POST ${url}/v3/appointment/hold -H 'x-api-key: ${c.apiKey}' -H 'content-type: application/json' \\
  -d '{"ServiceId":"${consult.uid}","LocationId":"${main.uid}","Unavailability":{"startTime":"${date}T15:00:00Z","endTime":"${date}T15:30:00Z"}}'

# Acuity v1: the same business through the Acuity API
curl -s -u ${c.id}:${c.apiKey} '${url}/api/v1/availability/times?date=${date}&appointmentTypeID=${consult.id}'

# Admin: the company
curl -s ${url}/admin/v1/companies/${c.id} -H 'authorization: Bearer demo-admin-token'

OpenAPI and an interactive page: ${url}/docs
`);
}

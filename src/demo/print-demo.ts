import type { CreatedCompany } from '../services/companies/create-company.js';

/**
 * Ready-to-paste commands against the demo business: the credentials (shown here once), then a whole
 * booking on each surface (OnSched: hold → book → cancel; Acuity: check the time → book → cancel).
 * The commands take ids from the reader ("paste the id"), not from parsing answers, so they work
 * whatever the answer's envelope.
 */
export function printDemoCommands(url: string, c: CreatedCompany): void {
  const day = new Date(Date.now() + 2 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const date = day.toISOString().slice(0, 10);
  const next = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
  const { consult, main, alice, bob } = c.refs;
  const v3 = `-H "x-api-key: $API_KEY" -H 'content-type: application/json'`;
  const acuity = `-u "$COMPANY_ID:$API_KEY" -H 'content-type: application/json'`;
  console.log(`
Demo Clinic is loaded (company ${c.id}). Its credentials (shown once):
  API key:       ${c.apiKey}
  client id:     ${c.clientId}
  client secret: ${c.clientSecret}

BASE='${url}' COMPANY_ID=${c.id} API_KEY='${c.apiKey}'
CLIENT_ID='${c.clientId}' CLIENT_SECRET='${c.clientSecret}'

# OnSched v3: free times, hold one, book the hold, cancel it
curl -s "$BASE/v3/availability?startDate=${date}T00:00:00Z&endDate=${next}T00:00:00Z&ServiceId=${consult.uid}&LocationId=${main.uid}" -H "x-api-key: $API_KEY"
curl -s -X POST "$BASE/v3/appointment/hold?LocationId=${main.uid}&ServiceId=${consult.uid}&ResourceIds=${alice.uid}" ${v3} \\
  -d '{"Unavailability":{"startTime":"${date}T15:00:00Z","endTime":"${date}T15:30:00Z"}}'
HOLD_ID=...   # paste the "id" of the held appointment
curl -s -X PUT "$BASE/v3/appointment/$HOLD_ID/book" ${v3} -d '{"Customer":{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com"}}'
curl -s -X PUT "$BASE/v3/appointment/$HOLD_ID/cancel" ${v3} -d '{"reason":"Demo"}'
# the same with an OAuth2 bearer token instead of the API key:
curl -s -X POST "$BASE/v3/oauth/token" -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET"

# Acuity v1: the same business; check a time, book it, cancel it
curl -s ${acuity} "$BASE/api/v1/availability/times?date=${date}&appointmentTypeID=${consult.id}"
curl -s ${acuity} -X POST "$BASE/api/v1/availability/check-times" -d '{"datetime":"${date}T16:00:00Z","appointmentTypeID":${consult.id},"calendarID":${bob.id}}'
curl -s ${acuity} -X POST "$BASE/api/v1/appointments" \\
  -d '{"datetime":"${date}T16:00:00Z","appointmentTypeID":${consult.id},"calendarID":${bob.id},"firstName":"Grace","lastName":"Hopper","email":"grace@example.com"}'
APPOINTMENT_ID=...   # paste the "id" of the new appointment
curl -s ${acuity} -X PUT "$BASE/api/v1/appointments/$APPOINTMENT_ID/cancel" -d '{}'

# Admin: the companies
curl -s "$BASE/admin/v1/companies" -H 'authorization: Bearer demo-admin-token'

The customer's booking page: ${url}/book/${c.slug}
OpenAPI and an interactive page: ${url}/docs
`);
}

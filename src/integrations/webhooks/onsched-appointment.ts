// The appointment as OnSched-style webhooks carry it: exactly the object GET /v3/appointment/{id}
// answers with (one renderer serves both).
export { renderedAppointment as onschedAppointmentJson } from '../../services/events/appointment-snapshot.js';

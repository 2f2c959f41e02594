// Customer booking fields sent with an appointment belong to its customer: once the appointment is
// written (and so has its customer), they are merged into the customer's fields. They were checked
// before the appointment was written, so storing them cannot fail on their content.
import type { AppointmentView } from '../../services/appointments/view.js';
import type { ServiceContext } from '../../services/context.js';
import { setCustomerFields } from '../../services/customers/customer-fields.js';

export async function keepCustomerBookingFields(services: ServiceContext, companyId: number, view: AppointmentView, fields: Record<string, string>): Promise<void> {
  if (view.customer && Object.keys(fields).length) await setCustomerFields(services, companyId, view.customer.id, fields);
}

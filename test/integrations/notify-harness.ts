// A notifications fixture: the services fixture (controllable clock, one clinic) plus a real SMTP
// sink, a real webhook receiver and a dispatcher the test drives pass by pass with runOnce().
import { readConfig, type NotificationConfig } from '../../src/config.js';
import { createDispatcher, type Dispatcher } from '../../src/integrations/dispatch/dispatcher.js';
import type { Logger } from '../../src/integrations/dispatch/logger.js';
import type { CompanyDocument } from '../../src/services/setup/document.js';
import type { TestBackend } from '../support/databases.js';
import { clinic } from '../support/clinic.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { fixture, type Fixture } from '../services/harness.js';

export const quietLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function testNotifyConfig(overrides: Partial<NotificationConfig> = {}): NotificationConfig {
  return { ...readConfig({}).notifications, sendTimeoutMs: 2_000, leaseMs: 5_000, ...overrides };
}

export interface NotifyFixture extends Fixture {
  smtp: SmtpSink;
  receiver: WebhookReceiver;
  dispatcher: Dispatcher;
  /** Runs dispatcher passes until one finds nothing to do. */
  drain(dispatcher?: Dispatcher): Promise<void>;
  closeAll(): Promise<void>;
}

export async function notifyFixture(backend: TestBackend, now: number, notifications: CompanyDocument['notifications'] = {}, config: Partial<NotificationConfig> = {}): Promise<NotifyFixture> {
  const smtp = await startSmtpSink();
  const receiver = await startWebhookReceiver();
  const f = await fixture(backend, { ...clinic(), notifications: { reminderMinutesBefore: [], ...notifications } }, now);
  const dispatcher = createDispatcher(f.ctx, testNotifyConfig({ smtpUrl: smtp.url, mailFrom: 'Test Clinic <bookings@clinic.test>', ...config }), quietLog);
  const drain = async (d = dispatcher) => { for (let i = 0; i < 50 && (await d.runOnce()) > 0; i++); };
  return {
    ...f, smtp, receiver, dispatcher, drain,
    closeAll: async () => { await dispatcher.stop(); await f.close(); await smtp.close(); await receiver.close(); },
  };
}

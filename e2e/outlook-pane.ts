// Opens the Outlook task pane in Chromium with the office.js stand-in served in place of Microsoft's CDN, set up
// as one message being composed (the scenario), and helpers the pane tests share.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

const standIn = readFileSync(new URL('./stand-ins/office.js', import.meta.url), 'utf8');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export type PaneAttachment = {
  id: string;
  name: string;
  bytes: Uint8Array;
  isInline?: boolean;
  contentType?: string;
  failTimes?: number;
  changeIdOnFailure?: boolean;
};

export type PaneScenario = {
  to?: { emailAddress: string; displayName: string }[];
  cc?: { emailAddress: string; displayName: string }[];
  subject?: string;
  body?: string;
  mailboxVersion?: string;
  attachments?: PaneAttachment[];
  roaming?: Record<string, string>;
};

export const TOKEN_SETTING = 'secureSignatureToken';

/** Serves the stand-in for office.js in this context (the pane and any dialog it opens). */
export async function serveOfficeStandIn(context: BrowserContext, scenario: PaneScenario): Promise<void> {
  const data = {
    ...scenario,
    attachments: scenario.attachments?.map(({ bytes, ...a }) => ({ ...a, size: bytes.byteLength, base64: Buffer.from(bytes).toString('base64') })),
  };
  const body = `window.__officeScenario = ${JSON.stringify(data)};\n${standIn}`;
  await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body }));
}

export async function openPane(context: BrowserContext, baseUrl: string, scenario: PaneScenario, width = 450): Promise<Page> {
  await serveOfficeStandIn(context, scenario);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${baseUrl}/addin/taskpane.html`);
  return page;
}

/** What the pane shows in its form fields. */
export const fieldValues = (page: Page, label: RegExp) =>
  page.getByLabel(label).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

import { afterEach, expect } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

/** A console error or page error a test may see, and why it is not a defect. */
export interface ExpectedProblem {
  pattern: RegExp;
  reason: string;
}

/**
 * Errors every end-to-end test may see. Anything else logged as a console error, or thrown
 * uncaught in a page, fails the test that was running (see the afterEach below). Add an entry only
 * with the reason it is expected; a test that provokes an error on purpose lists it for its own
 * page with `expectProblem`.
 */
export const EXPECTED_EVERYWHERE: ExpectedProblem[] = [
  // Chromium logs every HTTP error response as a console error, also the refusals the interface
  // expects and explains. Only these, each on its own URL: any other status or URL still fails.
  { pattern: /status of 401 .*\/api\/auth\/login:/, reason: 'a wrong password: the login form says so' },
  { pattern: /status of 403 .*\/api\/me:/, reason: 'a wrong current password when changing it: the account form says so' },
  { pattern: /status of 40[49] .*\/api\/invitations\/[^/]+:/, reason: 'an unknown, used or revoked invitation link: the invitation page says which' },
  { pattern: /status of 409 .*\/api\/guides\/[^/]+\/members\/[^/]+:/, reason: 'the last coordinator may not leave the guide: the members page says why' },
  {
    pattern: /status of 401 .*\/api\/guides\/[^/]+:/,
    reason: 'a session that ended while a guide was open: the page learns it from this 401 and shows the login page, keeping the URL',
  },
  // The server stopped or the network cut on purpose (offline and restart tests): y-websocket
  // retries, and the status line tells the user.
  { pattern: /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/collab\/[^']+' failed: .*net::ERR_(CONNECTION_REFUSED|INTERNET_DISCONNECTED)/, reason: 'server stopped or network cut: the client retries and says it is offline' },
  { pattern: /An unknown error occurred when fetching the script\./, reason: 'the service worker checks sw.js for updates while the server is stopped or the network cut: it keeps the installed one' },
  { pattern: /Failed to load resource: net::ERR_(CONNECTION_REFUSED|INTERNET_DISCONNECTED)/, reason: 'a request while the server is stopped or the network cut: the client keeps its offline copy' },
];

const expectedByPage = new WeakMap<Page, ExpectedProblem[]>();
const unexpected: string[] = [];

/** Lets `page` log errors matching `pattern` (the reason says why that is the expected behaviour). */
export function expectProblem(page: Page, pattern: RegExp, reason: string): void {
  expectedByPage.set(page, [...(expectedByPage.get(page) ?? []), { pattern, reason }]);
}

function isExpected(page: Page, text: string): boolean {
  return [...EXPECTED_EVERYWHERE, ...(expectedByPage.get(page) ?? [])].some((e) => e.pattern.test(text));
}

function consoleText(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} [${url}:${lineNumber}]` : message.text();
}

/** Records every console error and uncaught error of the page that nobody said to expect. */
export function watchPage(page: Page): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = consoleText(message);
    if (!isExpected(page, text)) unexpected.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => {
    const text = `${error.name}: ${error.message}`;
    if (!isExpected(page, text)) unexpected.push(`page error: ${text}`);
  });
}

export function watchContext(context: BrowserContext): void {
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
}

/** Takes the problems recorded so far (for the guard's own test; the afterEach below takes the rest). */
export function takeProblems(): string[] {
  return unexpected.splice(0);
}

// Registered in every test file that opens a browser through this support code; not when the
// benchmark (plain tsx, no test runner) uses the same browser helpers.
if (process.env.VITEST) {
  afterEach(() => {
    const seen = unexpected.splice(0);
    expect(seen.join('\n'), 'console or page errors during this test (expected ones are listed in tests/e2e/support/consoleGuard.ts, each with its reason)').toBe('');
  });
}

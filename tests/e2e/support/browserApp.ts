import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from './app.ts';
import { launchBrowser } from './browser.ts';

export interface BrowserApp {
  /** The running app (server + built client); read it inside hooks and tests. */
  readonly app: RunningApp;
  /** One headless Chromium for the file; each person gets their own context (`openUser`). */
  readonly browser: Browser;
}

/**
 * Starts the app and a browser before the file's tests and closes both after them: the setup every
 * end-to-end file shares. Hooks the file registers later run after the start and before the stop.
 */
export function useBrowserApp(options: { demo?: boolean } = {}): BrowserApp {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() {
      if (!app) throw new Error('the app is not started: read it inside a hook or a test');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched: read it inside a hook or a test');
      return browser;
    },
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { watchContext } from './consoleGuard.ts';

const CHROMIUM = '/usr/bin/chromium';

/**
 * End-to-end tests never skip: without Chromium they install Debian's package when running as
 * root (as CI does), and otherwise fail saying how to install it.
 */
function installChromium(): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\` (Debian)`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env, timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env, timeout: 600_000 });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium did not provide ${CHROMIUM}`);
}

/**
 * Debian's Chromium, headless; never a downloaded browser (see STACK.md). Every page it opens is
 * watched for console and page errors (consoleGuard.ts): an unexpected one fails the test.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) installChromium();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watchContext(context);
    return context;
  };
  return browser;
}

export interface UserOptions {
  /** Session cookie (`dalil_session=…`) of an account signed in over HTTP; absent = signed out. */
  cookie?: string;
  /** The server the cookie belongs to. */
  baseUrl: string;
  /** UI language remembered in localStorage; French when absent. */
  language?: 'fr' | 'ar' | 'en';
  viewport?: { width: number; height: number };
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors seen so far: a test can assert there were none. */
  errors: string[];
}

/**
 * One person in their own browser context (signed in with their session cookie): separate
 * storage, and no BroadcastChannel shortcut between contexts, so everything they share goes
 * through the server.
 */
export async function openUser(browser: Browser, options: UserOptions): Promise<UserPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  if (options.cookie) {
    const [name, ...value] = options.cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: options.baseUrl }]);
  }
  if (options.language) {
    // init scripts also run in opaque-origin frames (about:blank), where localStorage throws
    await context.addInitScript((language) => {
      if (location.protocol.startsWith('http')) localStorage.setItem('dalil.uiLanguage', language);
    }, options.language);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** A PDF export asked for while the configured Chromium is not there (mapped to 503 with the fix). */
export class ChromiumMissing extends Error {
  constructor(readonly path: string) {
    super(`PDF export needs Chromium at ${path}: install it (Debian/Ubuntu: apt-get install chromium fonts-noto-core) or set CHROMIUM_PATH`);
  }
}

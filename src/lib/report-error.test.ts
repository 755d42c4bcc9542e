import { describe, expect, it, vi } from 'vitest';

async function freshModule() {
  vi.resetModules();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return import('@/lib/report-error');
}

describe('reportError', () => {
  it('hands errors raised before the reporter arrives to it, then returns its event ids', async () => {
    const { reportError, setErrorReporter } = await freshModule();
    const early = new Error('early');
    expect(reportError(early, 'app')).toBeUndefined();
    const seen: unknown[] = [];
    setErrorReporter((error) => {
      seen.push(error);
      return 'event-1';
    });
    expect(seen).toEqual([early]);
    expect(reportError(new Error('late'))).toBe('event-1');
    expect(seen).toHaveLength(2);
  });

  it('drops what was kept when no reporter will come (no consent, nothing configured)', async () => {
    const { reportError, setErrorReporter } = await freshModule();
    reportError(new Error('kept for nothing'));
    setErrorReporter(null);
    const seen: unknown[] = [];
    setErrorReporter((error) => {
      seen.push(error);
      return undefined;
    });
    expect(seen).toEqual([]);
  });
});

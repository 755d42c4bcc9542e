/**
 * Reads a `_headers` file (the format of Netlify and Cloudflare Pages: a path pattern at the
 * start of a line, then indented `Name: value` lines) and says which headers a path gets. Used
 * by `npm run bench:web` to serve dist/ as the host would, and by the tests of public/_headers.
 *
 * Patterns: exact paths, `*` (any rest of the path, slashes included) and `:name` (one
 * segment). Every matching rule applies; a header set by several is joined with ", ", as
 * both hosts do.
 */
export interface HeaderRule {
  pattern: string;
  headers: Array<[name: string, value: string]>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon === -1) {
      throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path`);
    }
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_][\w]*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** The headers `pathname` gets (names lower-cased). */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternToRegExp(rule.pattern).test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] ? `${headers[key]}, ${value}` : value;
    }
  }
  return headers;
}

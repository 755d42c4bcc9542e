const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value from a URL or a cursor is a uuid. Ids are checked before they reach a
 * PostgREST filter or an RPC: a malformed one would get a 400 instead of "nothing found".
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Whether the browser says it has no network at all. `navigator.onLine === true` proves
 * nothing (a weak or captive connection says true); false is reliable. Outside a browser
 * (Node tests) there is no `navigator` and the answer is false.
 */
export function isBrowserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

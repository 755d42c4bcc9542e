/**
 * A failure the developer can fix: its message is one line naming the cause and the fix.
 * The CLI prints it without a stack trace and exits non-zero.
 */
export class StackError extends Error {
  override name = 'StackError';
}

/**
 * A failure the person running Carecast can act on. Its message is one plain sentence;
 * the start script prints it alone (no stack trace) and exits non-zero.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StartupError'
  }
}

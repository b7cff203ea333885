// A directory that cannot be read, in one sentence an admin can act on (shown on the page and in the admin log).
// Anything else a sync throws is a fault of ours and goes to the worker's retries.
export class DirectoryError extends Error {
  override name = 'DirectoryError';
}

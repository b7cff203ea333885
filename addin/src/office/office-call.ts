// The one place that turns Office.js callback APIs (…Async(options, callback)) into promises.
// String literals instead of Office.* enums: their values are these strings, and the wrappers then also run
// without the global Office object (unit tests with office-addin-mock, the browser host).

export class OfficeCallError extends Error {
  constructor(
    message: string,
    /** Office's error code (e.g. 9000 series for attachments), when it gave one. */
    readonly code?: number,
  ) {
    super(message);
    this.name = 'OfficeCallError';
  }
}

/** Calls an Office.js async API and settles with its value or an OfficeCallError. */
export function officeCall<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (String(result.status) === 'succeeded') resolve(result.value);
        else reject(new OfficeCallError(result.error?.message || 'Outlook could not complete the request', result.error?.code));
      });
    } catch (err) {
      // Some hosts throw synchronously (e.g. an API missing on this platform) instead of calling back.
      reject(new OfficeCallError(err instanceof Error ? err.message : String(err)));
    }
  });
}

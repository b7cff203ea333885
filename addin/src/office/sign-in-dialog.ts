// Opens our web sign-in in an Office dialog and waits for the page to send back an API token
// (Office.context.ui.messageParent). Closing the dialog cancels.
import { officeCall, OfficeCallError } from './office-call';

export type OfficeUi = Pick<Office.UI, 'displayDialogAsync'>;

export async function signInThroughDialog(ui: OfficeUi, url: string): Promise<string> {
  const dialog = await officeCall<Office.Dialog>((cb) => ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, cb));
  return new Promise<string>((resolve, reject) => {
    dialog.addEventHandler('dialogMessageReceived' as unknown as Office.EventType, (arg) => {
      const message = (arg as { message?: string }).message ?? '';
      dialog.close();
      try {
        const parsed = JSON.parse(message) as { token?: string };
        if (parsed.token) resolve(parsed.token);
        else reject(new OfficeCallError('The sign-in page sent no token'));
      } catch {
        reject(new OfficeCallError('The sign-in page sent an unreadable answer'));
      }
    });
    dialog.addEventHandler('dialogEventReceived' as unknown as Office.EventType, (arg) => {
      const code = (arg as { error?: number }).error;
      reject(new OfficeCallError(code === 12006 ? 'Sign-in was cancelled' : 'The sign-in window could not be opened', code));
    });
  });
}

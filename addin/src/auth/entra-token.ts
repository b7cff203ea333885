// Nested app authentication: Outlook hands the pane a Microsoft Entra token for our API without another sign-in.
// MSAL is loaded only when the admin configured Entra, so the pane stays small otherwise.
import type { StartFormConfig } from '@secure-signature/shared';

export async function entraTokenSource(entra: NonNullable<StartFormConfig['entra']>): Promise<() => Promise<string>> {
  const { createNestablePublicClientApplication } = await import('@azure/msal-browser');
  const pca = await createNestablePublicClientApplication({ auth: { clientId: entra.clientId, authority: entra.authority } });
  const request = { scopes: [entra.scope] };
  const token = async () => {
    try {
      return (await pca.acquireTokenSilent(request)).accessToken;
    } catch {
      return (await pca.acquireTokenPopup(request)).accessToken;
    }
  };
  await token(); // fail here, not on the first API call
  return token;
}

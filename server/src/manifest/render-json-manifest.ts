// The unified manifest for Microsoft 365 (manifest.json, schema 1.17: the first with Outlook add-ins generally
// available, and one that office-addin-manifest validates offline from the schemas it ships). The same add-in as
// the XML manifest: a compose-ribbon button that opens the task pane, Mailbox 1.3, item read/write permission.
import {
  ADDIN_ACCENT_COLOR,
  ADDIN_BUTTON_TOOLTIP,
  ADDIN_DESCRIPTION,
  ADDIN_ID,
  ADDIN_NAME,
  ADDIN_PROVIDER,
  ADDIN_SHORT_DESCRIPTION,
  ADDIN_VERSION,
  MAILBOX_MIN_VERSION,
  RIBBON_ICON_SIZES,
  addinUrls,
} from './addin-identity';

export const UNIFIED_MANIFEST_VERSION = '1.17';
export const UNIFIED_MANIFEST_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** The task pane's runtime and its one action; the ribbon button runs the action. */
const RUNTIME_ID = 'TaskPaneRuntime';
const OPEN_PANE_ACTION = 'openSecureSignaturePane';

export interface JsonManifestOptions {
  /**
   * The Entra app registration's client id. Only then is webApplicationInfo written; the pane signs in with nested
   * app authentication, which does not need it, but it ties the add-in to the registration in the admin center.
   */
  entraClientId?: string;
}

export function buildJsonManifest(publicUrl: string, opts: JsonManifestOptions = {}) {
  const urls = addinUrls(publicUrl);
  const mailbox = { capabilities: [{ name: 'Mailbox', minVersion: MAILBOX_MIN_VERSION }] };
  const icons = RIBBON_ICON_SIZES.map((size) => ({ size, url: urls.icon(size) }));
  return {
    $schema: UNIFIED_MANIFEST_SCHEMA,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    version: ADDIN_VERSION,
    id: ADDIN_ID,
    localizationInfo: { defaultLanguageTag: 'en-us' },
    // The schema requires privacy and terms pages; the deployment's own web UI is the one page it has.
    developer: { name: ADDIN_PROVIDER, websiteUrl: urls.support, privacyUrl: urls.support, termsOfUseUrl: urls.support },
    name: { short: ADDIN_NAME, full: ADDIN_NAME },
    description: { short: ADDIN_SHORT_DESCRIPTION, full: ADDIN_DESCRIPTION },
    icons: { color: urls.colorIconPath, outline: urls.outlineIconPath },
    accentColor: ADDIN_ACCENT_COLOR,
    validDomains: [urls.host],
    ...(opts.entraClientId ? { webApplicationInfo: { id: opts.entraClientId, resource: `api://${urls.host}/${opts.entraClientId}` } } : {}),
    // ReadWriteItem in the XML manifest.
    authorization: { permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] } },
    extensions: [
      {
        requirements: { scopes: ['mail'], ...mailbox },
        runtimes: [
          {
            requirements: mailbox,
            id: RUNTIME_ID,
            type: 'general',
            code: { page: urls.taskpane },
            lifetime: 'short',
            actions: [{ id: OPEN_PANE_ACTION, type: 'openPage', view: 'dashboard', pinnable: false }],
          },
        ],
        ribbons: [
          {
            requirements: mailbox,
            contexts: ['mailCompose'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: 'secureSignatureComposeGroup',
                    label: ADDIN_NAME,
                    icons,
                    controls: [
                      {
                        id: 'secureSignatureComposeButton',
                        type: 'button',
                        label: ADDIN_NAME,
                        icons,
                        supertip: { title: ADDIN_NAME, description: ADDIN_BUTTON_TOOLTIP },
                        actionId: OPEN_PANE_ACTION,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

export type JsonManifest = ReturnType<typeof buildJsonManifest>;

/** The file's text: two-space indentation and a final newline, like the rest of the repository. */
export const renderJsonManifest = (publicUrl: string, opts: JsonManifestOptions = {}) =>
  `${JSON.stringify(buildJsonManifest(publicUrl, opts), null, 2)}\n`;

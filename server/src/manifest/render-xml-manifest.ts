// The XML add-in manifest (OfficeApp 1.1, MailApp): a "Secure Signature" button on the message-compose ribbon that
// opens the task pane. VersionOverrides 1.0 wraps 1.1, Microsoft's pattern: Outlook uses the newest it understands.
// Only Mailbox 1.3 is required anywhere; the pane detects newer APIs at runtime.
import {
  ADDIN_BUTTON_TOOLTIP,
  ADDIN_DESCRIPTION,
  ADDIN_ID,
  ADDIN_NAME,
  ADDIN_PROVIDER,
  ADDIN_VERSION,
  MAILBOX_MIN_VERSION,
  RIBBON_ICON_SIZES,
  addinUrls,
} from './addin-identity';
import { el, serializeXml, type XmlElement } from './xml-tree';

export const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  overrides10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  overrides11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
} as const;

// Resource ids (at most 32 characters, the schema's limit).
const RES = {
  icon: (size: number) => `Icon.${size}`,
  taskpaneUrl: 'Taskpane.Url',
  groupLabel: 'Group.Label',
  buttonLabel: 'Button.Label',
  buttonTooltip: 'Button.Tooltip',
};

export interface RenderOptions {
  /** Written as a comment on top, e.g. how the file was generated. */
  comment?: string;
}

export function renderXmlManifest(publicUrl: string, opts: RenderOptions = {}): string {
  const urls = addinUrls(publicUrl);
  const requirements = () =>
    el('Requirements', {}, el('bt:Sets', { DefaultMinVersion: MAILBOX_MIN_VERSION }, el('bt:Set', { Name: 'Mailbox' })));

  // The compose-ribbon button, identical in both VersionOverrides.
  const hosts = () =>
    el(
      'Hosts',
      {},
      el(
        'Host',
        { 'xsi:type': 'MailHost' },
        el(
          'DesktopFormFactor',
          {},
          el(
            'ExtensionPoint',
            { 'xsi:type': 'MessageComposeCommandSurface' },
            el(
              'OfficeTab',
              { id: 'TabDefault' },
              el(
                'Group',
                { id: 'secureSignatureComposeGroup' },
                el('Label', { resid: RES.groupLabel }),
                el(
                  'Control',
                  { 'xsi:type': 'Button', id: 'secureSignatureComposeButton' },
                  el('Label', { resid: RES.buttonLabel }),
                  el('Supertip', {}, el('Title', { resid: RES.buttonLabel }), el('Description', { resid: RES.buttonTooltip })),
                  el('Icon', {}, RIBBON_ICON_SIZES.map((size) => el('bt:Image', { size: String(size), resid: RES.icon(size) }))),
                  el('Action', { 'xsi:type': 'ShowTaskpane' }, el('SourceLocation', { resid: RES.taskpaneUrl })),
                ),
              ),
            ),
          ),
        ),
      ),
    );

  const resources = () =>
    el(
      'Resources',
      {},
      el('bt:Images', {}, RIBBON_ICON_SIZES.map((size) => el('bt:Image', { id: RES.icon(size), DefaultValue: urls.icon(size) }))),
      el('bt:Urls', {}, el('bt:Url', { id: RES.taskpaneUrl, DefaultValue: urls.taskpane })),
      el(
        'bt:ShortStrings',
        {},
        el('bt:String', { id: RES.groupLabel, DefaultValue: ADDIN_NAME }),
        el('bt:String', { id: RES.buttonLabel, DefaultValue: ADDIN_NAME }),
      ),
      el('bt:LongStrings', {}, el('bt:String', { id: RES.buttonTooltip, DefaultValue: ADDIN_BUTTON_TOOLTIP })),
    );

  const overrides11 = el(
    'VersionOverrides',
    { xmlns: NS.overrides11, 'xsi:type': 'VersionOverridesV1_1' },
    requirements(),
    hosts(),
    resources(),
  );
  const overrides10 = el(
    'VersionOverrides',
    { xmlns: NS.overrides10, 'xsi:type': 'VersionOverridesV1_0' },
    requirements(),
    hosts(),
    resources(),
    overrides11,
  );

  const root: XmlElement = el(
    'OfficeApp',
    { xmlns: NS.officeApp, 'xmlns:xsi': NS.xsi, 'xmlns:bt': NS.bt, 'xsi:type': 'MailApp' },
    el('Id', {}, ADDIN_ID),
    // The XML manifest's version has four parts.
    el('Version', {}, `${ADDIN_VERSION}.0`),
    el('ProviderName', {}, ADDIN_PROVIDER),
    el('DefaultLocale', {}, 'en-US'),
    el('DisplayName', { DefaultValue: ADDIN_NAME }),
    el('Description', { DefaultValue: ADDIN_DESCRIPTION }),
    el('IconUrl', { DefaultValue: urls.icon(64) }),
    el('HighResolutionIconUrl', { DefaultValue: urls.icon(128) }),
    el('SupportUrl', { DefaultValue: urls.support }),
    el('AppDomains', {}, el('AppDomain', {}, urls.origin)),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el('Requirements', {}, el('Sets', {}, el('Set', { Name: 'Mailbox', MinVersion: MAILBOX_MIN_VERSION }))),
    // Clients without add-in commands open the pane from here, while composing.
    el('FormSettings', {}, el('Form', { 'xsi:type': 'ItemEdit' }, el('DesktopSettings', {}, el('SourceLocation', { DefaultValue: urls.taskpane })))),
    // The pane reads the message being written (subject, recipients, attachments) and may add to it.
    el('Permissions', {}, 'ReadWriteItem'),
    el('Rule', { 'xsi:type': 'RuleCollection', Mode: 'Or' }, el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' })),
    el('DisableEntityHighlighting', {}, 'false'),
    overrides10,
  );
  return serializeXml(root, opts.comment);
}

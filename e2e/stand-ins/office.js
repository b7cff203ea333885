// A stand-in for Microsoft's office.js (served by the tests in place of the CDN URL): an Outlook message being
// composed, with the callback APIs, AsyncResult shapes and enum values of the real library. The test prepends
// `window.__officeScenario = {...}`:
//   to, cc: [{ emailAddress, displayName }]; subject; body; mailboxVersion ('1.8', '1.3', ...)
//   attachments: [{ id, name, size, isInline, attachmentType, base64, failTimes, changeIdOnFailure }]
//   roaming: { key: value } (initial roaming settings)
// Roaming settings persist in localStorage (as Exchange would keep them) and the dialog API opens a real popup whose
// own stand-in office.js answers through postMessage, as the real dialog does.
(function () {
  var scenario = window.__officeScenario || {};
  var ok = function (value) { return { status: 'succeeded', value: value }; };
  var fail = function (message, code) { return { status: 'failed', error: { message: message, code: code || 9999, name: 'Error' } }; };
  var later = function (cb, result) { setTimeout(function () { cb && cb(result); }, 5); };
  var lastArg = function (args) { for (var i = args.length - 1; i >= 0; i--) if (typeof args[i] === 'function') return args[i]; };
  var version = function (v) { return v.split('.').map(Number); };
  var atLeast = function (have, want) { var a = version(have), b = version(want); return a[0] > b[0] || (a[0] === b[0] && (a[1] || 0) >= (b[1] || 0)); };
  var mailboxVersion = scenario.mailboxVersion || '1.8';
  var calls = (window.__officeCalls = { getAttachmentContentAsync: [] });

  var attachments = (window.__officeAttachments = (scenario.attachments || []).map(function (a) { return Object.assign({ failures: 0 }, a); }));
  var recipients = function (list) { return { getAsync: function () { later(lastArg(arguments), ok(list || [])); } }; };

  var item = {
    itemType: 'message',
    to: recipients(scenario.to),
    cc: recipients(scenario.cc),
    subject: { getAsync: function () { later(lastArg(arguments), ok(scenario.subject || '')); } },
    body: { getAsync: function (type) { later(lastArg(arguments), ok(type === 'text' ? scenario.body || '' : '<p>' + (scenario.body || '') + '</p>')); } },
    close: function () { window.__officeClosed = true; },
  };
  if (atLeast(mailboxVersion, '1.8')) {
    item.getAttachmentsAsync = function () {
      later(lastArg(arguments), ok(attachments.map(function (a) {
        return { id: a.id, name: a.name, size: a.size, isInline: !!a.isInline, attachmentType: a.attachmentType || 'file', contentType: a.contentType || 'application/pdf' };
      })));
    };
    item.getAttachmentContentAsync = function (id) {
      var cb = lastArg(arguments);
      calls.getAttachmentContentAsync.push(id);
      var a = attachments.find(function (x) { return x.id === id; });
      if (!a) return later(cb, fail('The attachment was not found (its id may have changed).', 9041));
      if (a.failures < (a.failTimes || 0)) {
        a.failures++;
        // While Outlook is still uploading an attachment, its id changes.
        if (a.changeIdOnFailure) a.id = a.id + '-v' + a.failures;
        return later(cb, fail('Internal error while reading the attachment.', 9030));
      }
      later(cb, ok({ format: 'base64', content: a.base64 }));
    };
  }

  var store = 'office-stand-in-roaming';
  var roaming = JSON.parse(localStorage.getItem(store) || 'null') || scenario.roaming || {};
  var roamingSettings = {
    get: function (k) { return roaming[k]; },
    set: function (k, v) { roaming[k] = v; },
    remove: function (k) { delete roaming[k]; },
    saveAsync: function () { localStorage.setItem(store, JSON.stringify(roaming)); later(lastArg(arguments), ok(undefined)); },
  };

  var handlers = {};
  var ui = {
    displayDialogAsync: function (url) {
      var cb = lastArg(arguments);
      var popup = window.open(url, 'office-dialog', 'width=500,height=600');
      if (!popup) return later(cb, fail('The dialog was blocked', 12009));
      var dialog = {
        addEventHandler: function (type, handler) { handlers[type] = handler; },
        close: function () { popup.close(); },
      };
      window.addEventListener('message', function (e) {
        if (e.data && e.data.__officeDialogMessage !== undefined && handlers.dialogMessageReceived) {
          handlers.dialogMessageReceived({ type: 'dialogMessageReceived', message: e.data.__officeDialogMessage, origin: e.origin });
        }
      });
      later(cb, ok(dialog));
    },
    messageParent: function (message) { window.opener && window.opener.postMessage({ __officeDialogMessage: message }, '*'); },
    openBrowserWindow: function (url) { window.__officeOpened = url; },
  };

  var Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendarFormat' },
    AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    HostType: { Outlook: 'Outlook' },
    context: {
      mailbox: { item: window.opener ? null : item, diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'stand-in' } },
      roamingSettings: roamingSettings,
      ui: ui,
      displayLanguage: scenario.displayLanguage || 'en-US',
      requirements: {
        isSetSupported: function (name, v) {
          if (name === 'Mailbox') return atLeast(mailboxVersion, v || '1.1');
          return false;
        },
      },
    },
    onReady: function (cb) {
      var info = { host: 'Outlook', platform: 'OfficeOnline' };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof Office.initialize === 'function') Office.initialize('');
          cb && cb(info);
          resolve(info);
        }, 10);
      });
    },
  };
  window.Office = Office;
})();
